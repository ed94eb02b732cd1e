"""click's own strings (usage, option sections, its error messages), in Chinese.

click marks every string it prints with ``gettext``; :mod:`gov_disclosure.cli` routes those calls
through :data:`BY_MSGID` while its command line runs in Chinese. The English text of each message is
click's message id, exactly as click spells it (``tests/core/test_cli_lang.py`` checks that each one
still occurs in the installed click, so a click upgrade that rewords one is noticed).
"""

from __future__ import annotations

from typing import Final

from . import Message

USAGE: Final = Message("Usage:", "用法：")
OPTIONS: Final = Message("Options", "选项")
COMMANDS: Final = Message("Commands", "命令")
POSITIONAL: Final = Message("Positional arguments", "位置参数")
SHOW_HELP: Final = Message("Show this message and exit.", "显示本帮助并退出。")
SHOW_VERSION: Final = Message("Show the version and exit.", "显示版本号并退出。")
DEFAULT: Final = Message("default: {default}", "默认：{default}")
REQUIRED: Final = Message("required", "必填")
DYNAMIC: Final = Message("(dynamic)", "（运行时决定）")
ENV_VAR: Final = Message("env var: {var}", "环境变量：{var}")
DEPRECATED: Final = Message("deprecated", "已弃用")
ABORTED: Final = Message("Aborted!", "已中止！")
ERROR: Final = Message("Error: {message}", "错误：{message}")
TRY_HELP: Final = Message("Try '{command} {option}' for help.", "运行“{command} {option}”查看帮助。")
INVALID_VALUE: Final = Message("Invalid value: {message}", "取值无效：{message}")
INVALID_VALUE_FOR: Final = Message(
    "Invalid value for {param_hint}: {message}", "{param_hint} 的取值无效：{message}"
)
MISSING_ARGUMENT: Final = Message("Missing argument", "缺少参数")
MISSING_OPTION: Final = Message("Missing option", "缺少选项")
MISSING_PARAMETER: Final = Message("Missing parameter", "缺少参数")
MISSING_TYPE: Final = Message("Missing {param_type}", "缺少{param_type}")
MISSING_PARAMETER_NAMED: Final = Message("Missing parameter: {param_name}", "缺少参数：{param_name}")
MISSING_COMMAND: Final = Message("Missing command.", "缺少命令。")
NO_SUCH_OPTION: Final = Message("No such option {name!r}.", "没有选项 {name!r}。")
NO_SUCH_OPTION_81: Final = Message("No such option: {name}", "没有选项：{name}")
NO_SUCH_COMMAND: Final = Message("No such command {name!r}.", "没有命令 {name!r}。")
DID_YOU_MEAN: Final = Message("Did you mean {possibility}?", "您是不是要输入 {possibility}？")
DID_YOU_MEAN_ONE_OF: Final = Message(
    "(Did you mean one of: {possibilities}?)", "（您是不是要输入其中之一：{possibilities}？）"
)
UNEXPECTED_ARGUMENT: Final = Message("Got unexpected extra argument ({args})", "多余的参数（{args}）")
UNEXPECTED_ARGUMENTS: Final = Message("Got unexpected extra arguments ({args})", "多余的参数（{args}）")
REQUIRES_ARGUMENT: Final = Message("Option {name!r} requires an argument.", "选项 {name!r} 需要一个值。")
REQUIRES_ARGUMENTS: Final = Message(
    "Option {name!r} requires {nargs} arguments.", "选项 {name!r} 需要 {nargs} 个值。"
)
TAKES_NO_VALUE: Final = Message("Option {name!r} does not take a value.", "选项 {name!r} 不带值。")
ARGUMENT_TAKES: Final = Message(
    "Argument {name!r} takes {nargs} values.", "参数 {name!r} 需要 {nargs} 个值。"
)
NOT_CHOICE: Final = Message("{value!r} is not {choice}.", "{value!r} 不是 {choice}。")
NOT_ONE_OF: Final = Message("{value!r} is not one of {choices}.", "{value!r} 不是 {choices} 之一。")
CHOOSE_FROM: Final = Message("Choose from:\n\t{choices}", "可选：\n\t{choices}")
#: click's number types are named "integer" and "float"; the Chinese text does not repeat the name
#: (``:.0`` formats it as nothing), the value's quoted form says enough
NOT_A_NUMBER: Final = Message(
    "{value!r} is not a valid {number_type}.", "{value!r} 不是有效的数{number_type:.0}。"
)
NOT_IN_RANGE: Final = Message("{value} is not in the range {range}.", "{value} 不在范围 {range} 内。")
NOT_A_BOOLEAN: Final = Message(
    "{value!r} is not a valid boolean. Recognized values: {states}",
    "{value!r} 不是有效的是非值。可用的值：{states}",
)
FILE: Final = Message("file", "文件")
DIRECTORY: Final = Message("directory", "文件夹")
PATH: Final = Message("path", "路径")
DOES_NOT_EXIST: Final = Message("{name} {filename!r} does not exist.", "{name} {filename!r} 不存在。")
IS_A_FILE: Final = Message("{name} {filename!r} is a file.", "{name} {filename!r} 是一个文件。")
IS_A_DIRECTORY: Final = Message("{name} {filename!r} is a directory.", "{name} {filename!r} 是一个文件夹。")
NOT_READABLE: Final = Message("{name} {filename!r} is not readable.", "{name} {filename!r} 不可读。")
NOT_WRITABLE: Final = Message("{name} {filename!r} is not writable.", "{name} {filename!r} 不可写。")
COULD_NOT_OPEN: Final = Message(
    "Could not open file {filename!r}: {message}", "无法打开文件 {filename!r}：{message}"
)
UNKNOWN_ERROR: Final = Message("unknown error", "未知错误")

#: every message above by click's message id (its English text)
BY_MSGID: Final[dict[str, Message]] = {m.en: m for m in list(globals().values()) if isinstance(m, Message)}
