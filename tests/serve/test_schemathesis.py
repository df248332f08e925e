"""Property-based API tests: schemathesis generates requests from /openapi.json.

Every generated request must get a response that is not a server error and that conforms to the
documented schema (status codes, content types, bodies). Kept small (a few examples per operation)
so the run takes seconds. Operations are driven with Hypothesis directly (schemathesis's pytest
plugin does not load with this pytest version).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from quorum.serve.app import create_app

#: Examples per API operation.
EXAMPLES = 10


@pytest.fixture(scope="module")
def api_schema(database_url: str) -> schemathesis.BaseSchema:
    """The app's OpenAPI schema, loaded in-process (ASGI, no network)."""
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(database_url))


def test_every_operation_conforms_and_never_errors(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            # An opaque cursor cannot be described by a schema: a random string in its alphabet is
            # schema-valid but was never issued, and 400 is the right answer, so this one check is off.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as error:  # collect every failing operation, then report them all
            failures.append(f"{operation.label}: {str(error)[:600]}")
    assert not failures, "\n\n".join(failures)
