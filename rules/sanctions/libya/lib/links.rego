package sanctions.libya.lib

import data.sanctions.lib

# state is Libya as the regime-neutral helpers take it (data.sanctions.lib, state.rego): a
# new regime that targets a state names its own here.
state := {"code": "LY", "name": "Libya", "flagged": "Libya-flagged", "from": "from_libya", "to": "to_libya", "regime": "LIBYA"}

# parties lists every party of Libya, with its place in the event.
parties := lib.state_parties(state)

# links lists every fact that ties Libya to the origin or the destination of the event, each
# {"direction", "sure", "fact"} (see lib.state_links). The rules read `directions`; finding
# (lib.rego) turns a direction that is only possible into a review naming the missing fact.
links := lib.state_links(state)

# directions holds from_libya when Libya may be the origin, to_libya when it may be the
# destination; sure_directions only those that a fact establishes.
directions contains l.direction if some l in links

sure_directions contains l.direction if {
	some l in links
	l.sure
}

# link_facts(direction) are the facts that make the direction, for the reasoning: the sure ones,
# or, when there are none, the possible ones; link_review(direction) names the missing fact when
# the direction is only possible.
link_facts(direction) := lib.state_link_facts(links, direction)

link_review(direction) := lib.state_link_review(state, links, direction)

# any_link_facts and any_link_review do the same for a measure that applies either way.
any_link_facts := lib.state_any_link_facts(links)

any_link_review := lib.state_any_link_review(state, links)
