package sanctions.yemen.arms_targeted_test

import data.sanctions.lib.testing
import data.sanctions.yemen.arms_targeted

event := object.union(testing.event, {
	"supplier": {"country": "IR"},
	"recipient": {"name": "Houthis"},
	"items": [{"description": "assault rifles"}],
})

on(date) := object.union(event, {"date": date})

verdicts(ev) := vs if {
	fs := arms_targeted.finding with input as ev
	vs := {f.verdict | some f in fs}
}

test_before_2216_is_quiet if verdicts(on("2015-04-13")) == set()

# From 2216 (2015) to 2624 (2022), Houthi forces are reached only if they act for a designated
# leader, which events do not show.
test_houthis_before_2624_need_review if {
	verdicts(on("2015-04-14")) == {"needs_review"}
	verdicts(on("2022-02-27")) == {"needs_review"}
}

test_houthis_from_2624 if verdicts(on("2022-02-28")) == {"possible_violation"}

test_every_name_of_the_houthis if {
	every name in ["Ansar Allah", "Ansarallah", "the Houthis", "Houthi rebels", "houthi movement"] {
		verdicts(testing.replaced(on("2024-01"), {"recipient": {"name": name}})) == {"possible_violation"}
	}
}

test_houthis_as_end_user if {
	ev := testing.replaced(on("2024-01"), {"recipient": {"name": "a trading company"}, "parties": [{"role": "end_user", "name": "Houthi forces"}]})
	verdicts(ev) == {"possible_violation"}
}

test_an_unnamed_recipient_bound_for_yemen_needs_review if {
	ev := testing.replaced(on("2024-01"), {"recipient": {"name": "unnamed consignee"}, "location": {"discharge_port": "Salif"}})
	verdicts(ev) == {"needs_review"}
}

test_an_unnamed_recipient_bound_elsewhere_is_quiet if {
	ev := testing.replaced(on("2024-01"), {"recipient": {"name": "unnamed consignee"}, "location": {"discharge_port": "Nampo"}})
	verdicts(ev) == set()
}

test_the_government_of_yemen_is_quiet if {
	verdicts(testing.replaced(on("2024-01"), {"recipient": {"country": "YE"}})) == set()
}

test_not_arms_is_quiet if {
	verdicts(object.union(on("2024-01"), {"items": [{"description": "anthracite coal"}]})) == set()
}

# A recipient placed in Yemen but named by no one may be anyone: for review; a named Yemeni force
# that is neither the Houthis nor designated is not reached.
test_an_unnamed_yemeni_recipient_needs_review if {
	verdicts(testing.replaced(on("2024-01"), {"recipient": {"name": "a recipient in Yemen", "country": "YE"}})) == {"needs_review"}
}

test_a_named_yemeni_force_is_not_reached if {
	verdicts(testing.replaced(on("2024-01"), {"recipient": {"name": "popular resistance forces", "country": "YE", "kind": "armed_group"}})) == set()
}

# A recipient acting for a designated individual is reached.
test_acting_for_a_designated_individual if {
	ev := testing.replaced(on("2016-01"), {"recipient": {"name": "Houthi-Saleh forces", "country": "YE", "kind": "armed_group", "acting_for": "YEi.004"}})
	verdicts(ev) == {"possible_violation"}
}
