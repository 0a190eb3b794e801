package sanctions.libya.arms_import_test

import data.sanctions.lib.testing
import data.sanctions.libya.arms_import

event := object.union(testing.event, {
	"supplier": {"country": "AE"},
	"recipient": {"name": "an armed group", "country": "LY"},
	"items": [{"description": "armoured vehicles"}],
})

verdicts(ev) := vs if {
	fs := arms_import.finding with input as ev
	vs := {f.verdict | some f in fs}
}

test_before_1970_is_quiet if verdicts(object.union(event, {"date": "2011-02-25"})) == set()

test_from_1970 if verdicts(object.union(event, {"date": "2011-02-26"})) == {"possible_violation"}

test_bound_for_a_libyan_port if {
	ev := testing.replaced(event, {"recipient": {"name": "a consignee"}, "location": {"discharge_port": "Tobruk"}})
	verdicts(ev) == {"possible_violation"}
}

test_the_government_needs_review if {
	verdicts(testing.replaced(event, {"recipient": {"country": "LY"}})) == {"needs_review"}
}

test_from_libya_is_quiet if {
	verdicts(testing.replaced(event, {"supplier": {"country": "LY"}, "recipient": {"country": "ML"}})) == set()
}
