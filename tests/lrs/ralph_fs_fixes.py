"""Imported by Ralph's server process (ralph_serve.py): two fixes to its fs backend.

Ralph 5.1.0's fs LRS backend writes each POST with its default operation type, CREATE, which
refuses to touch a file that exists: every POST after the first fails with HTTP 500 ("fs_lrs.jsonl
already exists and overwrite is not allowed"). Its database backends (ClickHouse, Elasticsearch,
MongoDB) index instead. Appending is what the fs backend needs to behave as an LRS at all.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

# Its verb and activity filters compare the statement's id (a str) with the query's IRI object,
# which is never equal: without this every `verb=` or `activity=` query of the fs backend is
# empty. The database backends compare strings.
_by_verb = FSLRSBackend._add_filter_by_verb
_by_activity = FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_verb = staticmethod(
    lambda filters, verb_id: _by_verb(filters, str(verb_id) if verb_id else None))
FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda filters, object_id, related: _by_activity(
        filters, str(object_id) if object_id else None, related))

# Every read and write of the fs backend is also added to a history file (the bookkeeping of its
# command line's "already fetched" files), kept in memory and rewritten whole at each request: a
# server kept for a whole test module grows slower test after test, and a server killed
# mid-request, as the crash tests do, leaves that file half-written and unreadable, every
# request after its restart failing with HTTP 500. An LRS keeps no such history. Reads add to
# it through `_append_to_history` and writes call the mixin's `append_to_history` directly: both
# end in the latter.
FSLRSBackend.append_to_history = lambda self, event: None
