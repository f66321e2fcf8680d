"""Validate batches of xAPI statements against Ralph's own models; run in Ralph's venv.

Reads a JSON list of batches (each a list of statements) on stdin, so that one process (and one
import of Ralph's models, a second of CPU) checks them all; prints a JSON list of verdicts, one
a batch: how many were checked and, per invalid statement, its id and Ralph's errors. Every
statement must pass `BaseXapiStatement`; an activity whose type is cmi.interaction must also pass
`BaseXapiActivityInteractionDefinition` (the union in `BaseXapiActivity` would otherwise accept
it as a plain activity definition).
"""

import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement
from ralph.models.xapi.base.unnested_objects import BaseXapiActivityInteractionDefinition

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def verdict(statements: list[dict]) -> dict:
    invalid = []
    for statement in statements:
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
    return {"checked": len(statements), "invalid": invalid}


print(json.dumps([verdict(batch) for batch in json.load(sys.stdin)]))
