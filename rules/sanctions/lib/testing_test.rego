package sanctions.lib.testing

# Test support for every *_test.rego (loaded with the tests only, never by the checker).

# event holds the fields every event needs, whatever its type (those the event schema requires of
# all): a transfer in September 2023, reported by the United States, with one source and one
# quote. A test extends it with object.union, giving the parties, items, dates and claims its
# cases turn on (a transfer also needs its supplier, recipient and items).
event := {
	"id": "t",
	"type": "transfer",
	"date": "2023-09",
	"summary": "s",
	"claims": [{"status": "reported", "by": {"country": "US"}}],
	"sources": [{"id": "s", "publisher": "p"}],
	"evidence": [{"quote": "q", "source": "s"}],
}

# replaced(ev, fields) is ev with the given fields replaced whole (object.union would merge a
# new supplier into the old one).
replaced(ev, fields) := object.union(object.remove(ev, object.keys(fields)), fields)
