package sanctions.libya.petroleum_test

import data.sanctions.lib.testing
import data.sanctions.libya.petroleum

event := object.union(testing.event, {
	"supplier": {"name": "an armed group"},
	"recipient": {"name": "an unnamed buyer"},
	"location": {"loading_port": "Ras Lanuf"},
	"items": [{"description": "crude oil"}],
})

verdicts(ev) := vs if {
	fs := petroleum.finding with input as ev
	vs := {f.verdict | some f in fs}
}

test_before_2146_is_quiet if verdicts(object.union(event, {"date": "2014-03-18"})) == set()

test_from_2146_needs_review if verdicts(object.union(event, {"date": "2014-03-19"})) == {"needs_review"}

test_the_government_is_quiet if {
	verdicts(testing.replaced(event, {"supplier": {"country": "LY"}})) == set()
}

test_refined_products_are_not_reached if {
	verdicts(object.union(event, {"items": [{"description": "diesel"}]})) == set()
}

test_oil_loaded_elsewhere_is_quiet if {
	verdicts(object.union(event, {"location": {"loading_port": "Bandar Abbas"}})) == set()
}
