"""Validate xAPI statements (JSON Lines on stdin) against Ralph's own models; run in Ralph's venv.

Prints one JSON object: how many were checked and, per invalid statement, its id and Ralph's
errors. Every statement must pass `BaseXapiStatement`; an activity whose type is
cmi.interaction must also pass `BaseXapiActivityInteractionDefinition` (the union in
`BaseXapiActivity` would otherwise accept it as a plain activity definition).
"""

import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

checked, invalid = 0, []
for line in sys.stdin:
    if not line.strip():
        continue
    statement = json.loads(line)
    checked += 1
    errors = []
    try:
        BaseXapiStatement.model_validate(statement)
    except ValidationError as error:
        errors.append(str(error))
    definition = statement.get("object", {}).get("definition", {})
    if definition.get("type") == INTERACTION:
        try:
            BaseXapiActivityInteractionDefinition.model_validate(definition)
        except ValidationError as error:
            errors.append(str(error))
    if errors:
        invalid.append({"id": statement.get("id"), "errors": errors})
print(json.dumps({"checked": checked, "invalid": invalid}))
