package sanctions.libya.arms_export_test

import data.sanctions.lib.testing
import data.sanctions.libya.arms_export

event := object.union(testing.event, {
	"supplier": {"country": "LY"},
	"recipient": {"country": "ML"},
	"items": [{"description": "assault rifles"}],
})

verdicts(ev) := vs if {
	fs := arms_export.finding with input as ev
	vs := {f.verdict | some f in fs}
}

test_before_1970_is_quiet if verdicts(object.union(event, {"date": "2011-02-25"})) == set()

test_from_1970 if verdicts(object.union(event, {"date": "2011-02-26"})) == {"possible_violation"}

test_loaded_at_a_libyan_port if {
	ev := testing.replaced(event, {"supplier": {"name": "a militia"}, "location": {"loading_port": "Misrata"}})
	verdicts(ev) == {"possible_violation"}
}

test_to_libya_is_quiet if {
	verdicts(testing.replaced(event, {"supplier": {"country": "TR"}, "recipient": {"country": "LY"}})) == set()
}
