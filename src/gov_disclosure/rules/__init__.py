"""The rule catalogue: every check of a report, one module per family of rules, and :func:`validate`.

- :mod:`._base`: :class:`Rule` (a code of the code table plus its check), :class:`Context`, shared helpers;
- the families: :mod:`.cells` (GD1xx), :mod:`.sums` (GD2xx, GD301), :mod:`.proactive` (GD4xx),
  :mod:`.identity` (GD501, GD504), :mod:`.dates` (GD502–GD503), :mod:`.sections` (GD601),
  :mod:`.prose` (GD602), :mod:`.crossyear` (GD701–GD703), :mod:`.similarity` (GD704);
- :mod:`.catalogue`: :data:`RULES` assembled from the families, and :func:`validate`.

Layer: rules, directly above the core. Imports only :mod:`gov_disclosure.core`; the reading, format,
batch and CLI layers import from here, never the other way.
"""

from ._base import Check, Context, MissingPolicy, Rule
from .catalogue import CHECKS, RULES, validate

__all__ = ["CHECKS", "RULES", "Check", "Context", "MissingPolicy", "Rule", "validate"]
