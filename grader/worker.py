"""The worker process: the only place where a student's code runs.

Started by ``grader.sandbox`` as a script (``python -s -P worker.py REQ_FD REPLY_FD``) with
a scrubbed environment, in a private temporary directory, with stdout/stderr going to
files. It applies its own resource limits and, on Linux, confines itself (a network
namespace of its own, Landlock: see "confinement" below) before any student code is
loaded, then answers requests one at a time: call a function of the submission, call a
method of an object kept here, or run a trusted driver. Everything it sends back is plain data
(``wire``); the grader's comparisons and oracles run in the parent, so nothing the
student's code patches here can change a verdict.

Depends on the standard library, NumPy and ``wire.py`` (loaded by file path); torch is
imported only for torch exercises.
"""

import ctypes
import errno
import importlib.abc
import importlib.util
import math
import os
import random
import re
import resource
import stat
import struct
import sys
import traceback
import types
from collections.abc import Callable
from pathlib import Path


def _load_sibling(name: str) -> types.ModuleType:
    """Load ``grader/<name>.py`` by path (``name`` may be ``drivers/modules``)."""
    path = Path(__file__).parent / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_grader_{name.replace('/', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


wire = _load_sibling("wire")
MAX_TRACEBACK_FRAMES = 12


class ImportBlocker(importlib.abc.MetaPathFinder):
    """Refuses the modules an exercise forbids (the static scan names them first)."""

    def __init__(self, blocked: list[str]) -> None:
        self.blocked = set(blocked)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in self.blocked:
            raise ImportError(f"module '{fullname}' is not allowed in this exercise")
        return None


def apply_limits(config: dict) -> None:
    """Memory, file size (hence printed output), core dumps and total CPU time."""
    limits = [
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_FSIZE, config["output_bytes"]),
        (resource.RLIMIT_AS, config["memory_bytes"]),
    ]
    for kind, value in limits:
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):  # macOS does not enforce RLIMIT_AS
            pass
    used = math.ceil(cpu_seconds())
    resource.setrlimit(resource.RLIMIT_CPU, (used + config["cpu_total"], used + config["cpu_total"] + 1))


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def set_cpu_deadline(seconds: float) -> None:
    """Make the kernel stop this process (SIGXCPU) after ``seconds`` more CPU time."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (min(hard, math.ceil(cpu_seconds() + seconds)), hard))


# -- confinement ----------------------------------------------------------------
# Linux only, best effort: what the kernel lacks (or a container forbids) is skipped.
# A new user and network namespace leaves the worker without any network interface; then
# Landlock (Linux 5.13+, no privileges needed) takes away for good every file right except
# reading the Python installation and the submission and writing in the worker's own folder,
# and (by the kernel's Landlock ABI) TCP, signals to and abstract sockets of other processes.
# Reading another process's /proc entries or memory (ptrace) is refused by Landlock itself.

_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None
if _LIBC is not None:
    _LIBC.syscall.restype = ctypes.c_long
_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same numbers on every architecture
_CLONE_NEWUSER, _CLONE_NEWNET, _PR_SET_NO_NEW_PRIVS = 0x10000000, 0x40000000, 38
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_REFER, _FS_TRUNCATE = 1 << 13, 1 << 14
_FS_READ = _FS_READ_FILE | _FS_READ_DIR
_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE  # the rights a rule on a file may hold
_SYSTEM_LIBRARIES = ("/lib", "/lib32", "/lib64", "/libx32", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/local/lib",
                     "/usr/local/lib64")
_SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/passwd",
                 "/etc/group", "/etc/nsswitch.conf", "/proc/cpuinfo", "/proc/meminfo", "/proc/stat",
                 "/sys/devices/system/cpu", "/dev/urandom", "/dev/random")
_GPU_FILES = ("/proc/driver/nvidia", "/sys/bus/pci", "/sys/devices", "/sys/module/nvidia", "/dev/nvidia-caps")


def leave_network() -> None:
    """Move into a network namespace of its own, without interfaces (before any thread exists)."""
    if _LIBC is not None:
        _LIBC.unshare(_CLONE_NEWUSER | _CLONE_NEWNET)  # refused in some containers: Landlock still denies TCP


def confine(files: list[str], blocked_modules: list[str], gpu: bool) -> None:
    """Give up every file right but reading Python, its libraries and ``files``, and writing in the cwd."""
    abi = _landlock(None, 0, 1) if _LIBC is not None else -1  # the kernel's Landlock ABI version
    if abi < 1:
        return
    handled = (1 << 13) - 1 | (_FS_REFER if abi >= 2 else 0) | (_FS_TRUNCATE if abi >= 3 else 0)
    attr = struct.pack("=QQQ", handled, 0b11 if abi >= 4 else 0, 0b11 if abi >= 6 else 0)  # TCP; signals, sockets
    ruleset = _landlock(ctypes.create_string_buffer(attr, len(attr)), len(attr), 0)
    if ruleset < 0:
        return
    try:
        for path, rights in _allowed(files, set(blocked_modules), gpu, handled):
            _allow(ruleset, path, rights)
        if _LIBC.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0:
            _LIBC.syscall(_RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)


def _allowed(files: list[str], blocked: set[str], gpu: bool, everything: int) -> list[tuple[str, int]]:
    """What the worker keeps: (path, Landlock rights) pairs."""
    package = Path(__file__).resolve().parent
    hidden = {package} if package.parent.name in ("site-packages", "dist-packages") else {package, package.parent}
    rules = [(os.getcwd(), everything), (f"/proc/{os.getpid()}", _FS_READ)]
    rules += [(path, _FS_READ) for path in _SYSTEM_FILES + (_GPU_FILES if gpu else ())]
    rules += [(path, _FS_READ | _FS_WRITE_FILE) for path in ("/dev/null", "/dev/zero", "/dev/full")]
    if gpu:
        rules += [(str(p), _FS_READ | _FS_WRITE_FILE) for p in Path("/dev").glob("nvidia*")]
        rules += [(str(p), _FS_READ) for p in Path("/usr/local").glob("cuda*")]
    rules += [(path, _FS_READ_FILE) for path in files]

    def another_python(name: str) -> bool:  # one on sys.path comes back through it
        return name.startswith("python")

    def not_on_path(name: str) -> bool:  # the stdlib's site-packages, and forbidden modules
        return name in ("site-packages", "dist-packages") or re.split(r"[.-]", name)[0] in blocked

    for folders, skip in ((_SYSTEM_LIBRARIES, another_python), (sys.path, not_on_path)):
        for folder in folders:
            rules += [(str(entry), _FS_READ) for entry in _entries(Path(folder), hidden, skip)]
    return rules


def _entries(folder: Path, hidden: set[Path], skip: Callable[[str], bool]) -> list[Path]:
    """The entries of a library folder the worker may read: never ours, nor those ``skip`` names."""
    try:
        if folder.resolve() in hidden:
            return []
        if not folder.is_dir():
            return [folder] if folder.is_file() else []  # python3XX.zip
        names = os.listdir(folder)
    except OSError:
        return []
    suspects = {path.name for path in hidden}  # resolving only these keeps start-up fast
    return [folder / name for name in names
            if not skip(name) and (name not in suspects or (folder / name).resolve() not in hidden)]


def _allow(ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            rights &= _FILE_RIGHTS
        rule = struct.pack("=Qi", rights, fd)  # struct landlock_path_beneath_attr, packed
        _LIBC.syscall(_ADD_RULE, ruleset, 1, ctypes.create_string_buffer(rule, len(rule)), 0)
    finally:
        os.close(fd)


def _landlock(attr: object, size: int, flags: int) -> int:
    return _LIBC.syscall(_CREATE_RULESET, attr, ctypes.c_size_t(size), ctypes.c_uint32(flags))


class Worker:
    def __init__(self, config: dict) -> None:
        self.config = config
        self.files = [str(Path(f)) for f in config["files"]]
        self.objects: dict[int, object] = {}
        self.check = None
        self.torch = None
        self.device = config.get("device", "cpu")
        self.drivers = None

    # -- start-up ---------------------------------------------------------------

    def load(self) -> dict:
        import numpy  # noqa: F401  (imported before student code, outside its limits)

        if self.config["framework"] == "torch":
            import torch

            torch.set_num_threads(1)
            # full float32 on the GPU: TF32 matmuls (10-bit mantissa) would miss the stated tolerances
            torch.backends.cuda.matmul.allow_tf32 = False
            torch.backends.cudnn.allow_tf32 = False
            self.torch = torch
        if self.config.get("drivers"):
            self.drivers = _load_sibling(f"drivers/{self.config['drivers']}")
        sys.meta_path.insert(0, ImportBlocker(self.config["blocked_modules"]))
        module = types.ModuleType("submission")
        module.__file__ = self.files[0]
        sys.modules["submission"] = module
        if self.torch is not None and self.device.startswith("cuda"):
            self.torch.zeros(1, device=self.device)  # CUDA opens its devices and libraries while it still may
        confine(self.files, self.config["blocked_modules"], gpu=self.device.startswith("cuda"))
        set_cpu_deadline(self.config["cpu_import"])
        outcome = self.guarded(lambda: self.exec_files(module))
        self.namespace = module.__dict__
        return outcome if outcome["status"] != "ok" else {"status": "ready"}

    def exec_files(self, module: types.ModuleType) -> None:
        for path in self.files:
            source = Path(path).read_text(encoding="utf-8")
            exec(compile(source, path, "exec"), module.__dict__)

    # -- requests ---------------------------------------------------------------

    def handle(self, request: dict) -> dict:
        if request.get("check") != self.check:
            self.check = request.get("check")
            set_cpu_deadline(request["cpu_limit"])
        self.seed_globals(request.get("seed", 0))
        op = request["op"]
        if op == "call":
            return self.reply(self.guarded(lambda: self.call(request), keep=request.get("keep", False)))
        if op == "getattr":
            return self.reply(self.guarded(lambda: getattr(self.objects[request["handle"]], request["name"])))
        if op == "drive":
            return self.reply(self.guarded(lambda: self.drive(request)))
        return {"status": "protocol", "message": f"unknown operation {op!r}"}

    def call(self, request: dict):
        target = request["target"]
        if isinstance(target, list):  # [handle, method name]
            function = getattr(self.objects[target[0]], target[1])
        else:
            function = self.namespace.get(target)
            if function is None:
                raise _Missing(target)
        args = [self.to_python(a) for a in request["args"]]
        kwargs = {k: self.to_python(v) for k, v in request["kwargs"].items()}
        return function(*args, **kwargs)

    def drive(self, request: dict):
        driver = getattr(self.drivers, request["driver"])
        args = [self.to_python(a) for a in request["args"]]
        return driver(*args)

    def guarded(self, action, keep: bool = False) -> dict:
        """Run student code and describe what happened as data."""
        try:
            value = action()
        except _Missing as e:
            return {"status": "missing", "name": e.args[0]}
        except NotImplementedError as e:
            return {"status": "not_implemented", "message": str(e)}
        except SystemExit as e:
            return {"status": "exit", "code": repr(e.code)}
        except MemoryError:
            return {"status": "memory"}
        except OSError as e:
            if e.errno != errno.EFBIG:
                return self.error(e)
            return {"status": "output"}  # stdout/stderr reached the file size limit
        except BaseException as e:  # noqa: BLE001 - anything the student's code raises
            return self.error(e)
        finally:
            _flush_output()
        if keep:
            handle = len(self.objects) + 1
            self.objects[handle] = value
            return {"status": "ok", "value": wire.Handle(handle)}
        try:
            return {"status": "ok", "value": self.to_wire(value)}
        except Exception as e:  # noqa: BLE001 - a student's object misbehaving
            return {"status": "bad_return", "message": f"{type(e).__name__}: {_safe_str(e)}"}

    def error(self, error: BaseException) -> dict:
        return {"status": "error", "type": type(error).__name__, "message": _safe_str(error),
                "traceback": self.student_traceback(error)}

    def reply(self, message: dict) -> dict:
        loaded = sorted(m for m in self.config["blocked_modules"] if m in sys.modules)
        if loaded:
            message["forbidden_loaded"] = loaded
        return message

    def student_traceback(self, error: BaseException) -> str:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename in self.files]
        hidden = max(0, len(frames) - MAX_TRACEBACK_FRAMES)
        lines = ["Traceback (most recent call last):\n"]
        if hidden:
            lines.append(f"  ... {hidden} more frames ...\n")
        lines += traceback.format_list(frames[hidden:])
        lines += traceback.format_exception_only(type(error), error)
        return "".join(lines)

    # -- values -----------------------------------------------------------------

    def seed_globals(self, seed: int) -> None:
        import numpy as np

        random.seed(seed)
        np.random.seed(seed % 2**32)
        if self.torch is not None:
            self.torch.manual_seed(seed)

    def to_python(self, value):
        """Turn wire markers into live objects: generators, kept objects, tensors."""
        import numpy as np

        if isinstance(value, wire.Rng):
            return np.random.default_rng(value.seed)
        if isinstance(value, wire.Handle):
            return self.objects[value.id]
        if isinstance(value, wire.Defined):
            if value.name not in self.namespace:
                raise _Missing(value.name)
            return self.namespace[value.name]
        if isinstance(value, wire.Helper):
            return getattr(self.drivers, value.factory)(*self.to_python(value.args))
        if isinstance(value, wire.AsTensor):
            return self.torch.from_numpy(np.array(value.array)).to(self.device)
        if isinstance(value, list):
            return [self.to_python(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.to_python(v) for v in value)
        if isinstance(value, dict):
            return {k: self.to_python(v) for k, v in value.items()}
        return value

    def to_wire(self, value):
        """Turn results into data: tensors become arrays with their metadata."""
        if self.torch is not None and isinstance(value, self.torch.Tensor):
            return wire.TensorValue(value.detach().cpu().numpy(), str(value.device), value.requires_grad)
        if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
            return type(value)(self.to_wire(v) for v in value)
        if isinstance(value, dict) and type(value) is dict:
            return {k: self.to_wire(v) for k, v in value.items()}
        return value


class _Missing(Exception):
    """The submission defines no function of the requested name."""


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # output over its size limit, or closed by the student
            pass


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)[:2000]
    except Exception:  # noqa: BLE001 - a student's exception with a broken __str__
        return "<unprintable message>"


def preload(framework: str) -> None:
    """Import the exercise's libraries before any student code exists here (outside its limits)."""
    import numpy  # noqa: F401

    if framework == "torch":
        import torch  # noqa: F401


def encode_reply(message: dict) -> bytes:
    """Encode a reply; a return value that is not plain data becomes a ``bad_return``."""
    try:
        return wire.encode(message)
    except Exception as e:  # noqa: BLE001 - WireError, or a student's object misbehaving
        reason = str(e) if isinstance(e, wire.WireError) else f"{type(e).__name__} while encoding"
        return wire.encode({"status": "bad_return", "message": reason})


def main() -> None:
    request_fd, reply_fd = int(sys.argv[1]), int(sys.argv[2])
    leave_network()
    preload(sys.argv[3] if len(sys.argv) > 3 else "numpy")  # while the grader prepares, or before it asks
    config = wire.receive(request_fd)
    apply_limits(config)
    worker = Worker(config)
    wire.send(reply_fd, worker.load())
    while True:
        request = wire.receive(request_fd)
        if request["op"] == "quit":
            return
        wire.write_frame(reply_fd, encode_reply(worker.handle(request)))


if __name__ == "__main__":
    try:
        main()
    except (OSError, wire.ChannelClosed, wire.WireError):  # the student's code closed or garbled our pipes
        _flush_output()
        os._exit(1)  # the grader says what happened; a traceback of ours would only confuse
