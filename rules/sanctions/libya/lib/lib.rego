# METADATA
# title: The Libya regime's helpers
# description: >-
#   What the Libya rules share beyond the regime-neutral data.sanctions.lib: Libya's parties
#   and its place in what moved (links.rego: links, directions), and the rules' finding, which
#   adds those facts to lib.finding. A new regime copies this folder and names its own state.
# scope: package
# schemas:
#   - input: schema.event
package sanctions.libya.lib

import data.sanctions.lib

# finding(chain, facts) is lib.finding for a Libya rule: facts as lib.finding takes them, and
# optionally `direction`, the direction the rule's condition relies on: from_libya, to_libya or any
# (either way). The facts that make that direction (a Libyan port, a carrier, a party placed by
# name) join the reasoning, and a direction that is only possible (links) makes a review naming
# the missing fact. The event's directions decide the citations that name a `direction`.
finding(chain, facts) := lib.finding_cited(
	chain, object.union(with_directions, {
		"direction_facts": direction_facts(object.get(facts, "direction", "")),
		"direction_review": direction_review(object.get(facts, "direction", "")),
	}),
	cited,
) if {
	with_directions := object.union(facts, {"directions": directions})
	cited := lib.cited_for(chain, with_directions) # the link facts only for an event the rule reaches
}

# direction_facts(dir) are the facts that tie Libya to the rule's direction, beyond the supply
# fact; direction_review(dir) names the missing fact when the direction is only possible.
direction_facts("") := []

direction_facts(dir) := [f | some f in link_facts(dir); f != ""] if not dir in {"", "any"}

direction_facts("any") := [f | some f in any_link_facts; f != ""]

direction_review("") := []

direction_review(dir) := link_review(dir) if not dir in {"", "any"}

direction_review("any") := any_link_review
