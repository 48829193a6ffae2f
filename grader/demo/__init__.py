"""The demo submission that `grade demo` grades."""
