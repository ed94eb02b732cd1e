"""Why a file could not be read or written: the messages of :mod:`gov_disclosure.core.errors`."""

from __future__ import annotations

import errno
from typing import Final

from . import Message

# --- the operating system ------------------------------------------------------------------------
OS_NOT_FOUND: Final = Message("no such file or folder", "文件或文件夹不存在")
OS_PERMISSION: Final = Message("permission denied", "没有权限")
OS_IS_A_DIRECTORY: Final = Message("it is a folder", "这是一个文件夹")
OS_NOT_A_DIRECTORY: Final = Message("a part of the path is not a folder", "路径中有一部分不是文件夹")
OS_NO_SPACE: Final = Message("no space left on the disk", "磁盘空间已满")
OS_READ_ONLY: Final = Message("the disk is read-only", "磁盘只读")
OS_NAME_TOO_LONG: Final = Message("the file name is too long", "文件名太长")
OS_BROKEN_PIPE: Final = Message(
    "the reader of the output has gone (broken pipe)", "输出的接收方已关闭（管道断开）"
)
OS_OTHER: Final = Message("{reason}", "操作系统错误：{reason}")

_BY_ERRNO: Final = {
    errno.ENOENT: OS_NOT_FOUND,
    errno.EACCES: OS_PERMISSION,
    errno.EPERM: OS_PERMISSION,
    errno.EISDIR: OS_IS_A_DIRECTORY,
    errno.ENOTDIR: OS_NOT_A_DIRECTORY,
    errno.ENOSPC: OS_NO_SPACE,
    errno.EROFS: OS_READ_ONLY,
    errno.ENAMETOOLONG: OS_NAME_TOO_LONG,
    errno.EPIPE: OS_BROKEN_PIPE,
}


def os_reason(exc: OSError) -> Message:
    """The reason of an ``OSError`` as a message (formatted: no placeholders left)."""
    known = _BY_ERRNO.get(exc.errno or -1)
    if known is not None:
        return known
    reason = exc.strerror or str(exc)
    return Message(*OS_OTHER.both(reason=reason))
