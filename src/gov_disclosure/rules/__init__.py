"""The rule catalogue: every check of a report, one module per family of rules, and :func:`validate`.

- :mod:`._base`: :class:`Rule` (a code of the code table plus its check), :class:`Context`, shared helpers;
- the families: :mod:`.cells` (GD1xx), :mod:`.sums` (GD2xx, GD301), :mod:`.proactive` (GD4xx),
  :mod:`.identity` (GD501, GD504), :mod:`.dates` (GD502–GD503), :mod:`.sections` (GD601),
  :mod:`.outline` (GD603–GD607), :mod:`.text` (GD608–GD612), :mod:`.prose` (GD602, GD613–GD616),
  :mod:`.crossyear` (GD701–GD703), :mod:`.similarity` (GD704), :mod:`.anomalies` (GD705),
  :mod:`.lint` (GD801–GD803); GD505 is found by ``gov_disclosure.batch`` among many files;
- :mod:`.catalogue`: :data:`RULES` assembled from the families, and :func:`validate`;
- :mod:`.config`: :class:`Config` (select, ignore, severities, thresholds) and the config file;
- :mod:`.ruledocs`: each code's definition and examples (``rules/docs/<CODE>/``).

Layer: rules, directly above the core. Imports only :mod:`gov_disclosure.core`; the reading, format,
batch and CLI layers import from here, never the other way.
"""

from ._base import Check, Context, MissingPolicy, Rule
from .catalogue import CHECKS, RULES, validate
from .config import Config, ConfigError, find_config, load_config

__all__ = [
    "CHECKS",
    "RULES",
    "Check",
    "Config",
    "ConfigError",
    "Context",
    "MissingPolicy",
    "Rule",
    "find_config",
    "load_config",
    "validate",
]
