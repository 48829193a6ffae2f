"""At import, the file installs an import hook and replaces the worker's wire encoder with one
that answers every call with a reply of its own: status "passed", and a value of "PASS".

The grader accepts only the protocol's statuses and compares values with its oracle.

Expected: 7.1 error — неожиданный ответ
"""

import importlib.abc
import sys


class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        return None  # sees every import from now on


sys.meta_path.insert(0, Hook())
for module in list(sys.modules.values()):
    if hasattr(module, "encode") and hasattr(module, "MAGIC"):  # the worker's wire module
        original = module.encode
        module.encode = lambda message, original=original: original({"status": "passed", "value": "PASS"})


def softmax(logits):
    return logits
