package sanctions.lib

# An item of `stage: ordered` has not moved yet: it is judged as the rules judge an event of type
# `agreement` (a deal, plan or pledge, nothing yet moved), whose finding needs review and says
# which element is not established ("The event is an agreement: whether ... is not
# established."). finding() adds the sentence below to the review of every rule when every item
# that meets the rule's item element is only ordered (or, for a rule that names no items, every
# item of the event); an ordered item beside a delivered one changes nothing.

# stage_review(facts) is the review sentence for a finding whose items are all only ordered.
stage_review(facts) := [sprintf(
	"%s only ordered (stage: ordered): nothing has moved yet, so, as for an agreement, whether %s supplied, sold or transferred is not established.",
	[ordered_subject(its), ordered_pronoun(its)],
)] if {
	input.type != "agreement"
	its := judged_items(facts)
	count(its) > 0
	every it in its {
		it.stage == "ordered"
	}
} else := []

# judged_items(facts) are the items a finding rests on: its own, else the event's.
judged_items(facts) := facts.items if {
	count(facts.items) > 0
} else := object.get(input, "items", [])

ordered_subject(its) := sprintf("'%s' is", [its[0].description]) if {
	count(its) == 1
} else := sprintf("%s are", [quoted([it.description | some it in its])])

ordered_pronoun(its) := "it was" if {
	count(its) == 1
} else := "they were"
