package sanctions.lib

# --- A regime's state and its place in what moved --------------------------------------------
#
# A regime that targets a state (the DPRK, Iran) names it once in its lib, as an object
#
#   {"code": "KP", "name": "the DPRK", "flagged": "DPRK-flagged", "from": "from_dprk", "to": "to_dprk",
#    "regime": "DPRK"}
#
# and takes from here its parties and the links that tie the state to the origin or the
# destination of the event: `links := lib.state_links(state)` (a rule, so worked out once per
# event). Each link is {"direction", "sure", "fact"}: direction is the state's `from` or `to`;
# sure is false when the fact makes the direction possible but not established (a flagged
# carrier: to or from?; a supplier nobody can place). The regime's finding turns a direction that
# is only possible into a review naming the missing fact (state_link_review).

# state_parties(s) lists every party of the state, with its place in the event.
state_parties(s) := ({{"role": "supplier", "party": input.supplier} | supplier_country == s.code} | {{"role": "recipient", "party": input.recipient} | recipient_country == s.code}) | {{"role": p.role, "party": p} |
	some p in input.parties
	country_code(p) == s.code
}

# state_links(s) is every fact that ties the state to the event's origin or destination.
state_links(s) := ((((sure_ends(s) | sure_ports(s)) | sure_end_users(s)) | sure_places(s)) | unsure_ties(s)) | unplaced_ends(s)

sure_ends(s) := {{"direction": s.from, "sure": true, "fact": state_end_fact(s, "supplier", input.supplier)} | supplier_country == s.code} | {{"direction": s.to, "sure": true, "fact": state_end_fact(s, "recipient", input.recipient)} | recipient_country == s.code}

sure_ports(s) := {{"direction": s.from, "sure": true, "fact": sprintf("The goods were loaded at %s, in %s (%s).", [input.location.loading_port, s.name, s.code])} | loading_country == s.code} | {{"direction": s.to, "sure": true, "fact": sprintf("The goods were discharged at %s, in %s (%s).", [input.location.discharge_port, s.name, s.code])} | discharge_country == s.code}

sure_end_users(s) := {{"direction": s.to, "sure": true, "fact": sprintf("The end user, %s, is of %s%s.", [label(p), s.name, basis_text(p)])} |
	some p in input.parties
	p.role == "end_user"
	country_code(p) == s.code
}

# An event in the state between a foreign party and one nobody can place: the goods left the
# state when the recipient is foreign, reached it when the supplier is.
sure_places(s) := {{"direction": s.from, "sure": true, "fact": sprintf("The event took place in %s, in %s (%s), and the recipient is foreign.", [place_name, s.name, s.code])} | located_from(s)} | {{"direction": s.to, "sure": true, "fact": sprintf("The event took place in %s, in %s (%s), and the supplier is foreign.", [place_name, s.name, s.code])} | located_to(s)}

located_from(s) if {
	location_country == s.code
	recipient_country != s.code
	not placed_party(object.get(input, "supplier", {}))
}

located_to(s) if {
	location_country == s.code
	supplier_country != s.code
	not placed_party(object.get(input, "recipient", {}))
}

# Goods that a foreign supplier delivered in the state reached it, whoever received them (a
# foreign force stationed there: Russian aircraft flown to Wagner at Al Jufra, in Libya).
located_to(s) if {
	input.type in moving_types
	location_country == s.code
	supplier_country != s.code
	c := recipient_country
	c != s.code
}

# Facts that tie the state to the event without saying which way the goods went: they make the
# state a possible origin when the supplier is not a foreign state, a possible destination when
# the recipient is not.
unsure_ties(s) := {{"direction": s.from, "sure": false, "fact": f} |
	some f in unsure_facts(s)
	not foreign_to(s, object.get(input, "supplier", {}))
} | {{"direction": s.to, "sure": false, "fact": f} |
	some f in unsure_facts(s)
	not foreign_to(s, object.get(input, "recipient", {}))
}

# foreign_to(s, party): the party is placed in a state other than s.
foreign_to(s, party) if {
	c := country_code(party)
	c != s.code
}

unsure_facts(s) := ({sprintf("The %s, %s, is %s%s; whether the goods came from or went to %s is not stated.", [p.role, label(p), state_tie(s, p), basis_text(p), s.name]) |
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	country_code(p) == s.code
} | {sprintf("The %s, %s, is designated: %s; whether the goods came from or went to %s is not stated.", [p.role, label(p), designation_text(e), s.name]) |
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	not country_code(p) == s.code
	some e in matched_entries(p)
	upper(object.get(e, "regime", s.regime)) == s.regime
}) | {sprintf("The event took place in %s, in %s (%s); whether the goods came from or went to %s is not stated.", [place_name, s.name, s.code, s.name]) |
	location_country == s.code
	not supplier_country == s.code
	not recipient_country == s.code
	not located_from(s)
	not located_to(s)
}

# An end of the transfer nobody can place could be the state: the supplier, when the recipient
# is not the state; the recipient, when the supplier is not.
unplaced_ends(s) := {{"direction": s.from, "sure": false, "fact": state_unplaced_fact(s, "supplier", object.get(input, "supplier", null))} |
	input.type in moving_types
	not placed_party(object.get(input, "supplier", {}))
	not recipient_country == s.code
	not loaded_elsewhere(s)
} | {{"direction": s.to, "sure": false, "fact": state_unplaced_fact(s, "recipient", object.get(input, "recipient", null))} |
	input.type in moving_types
	not placed_party(object.get(input, "recipient", {}))
	not supplier_country == s.code
	not discharged_elsewhere(s)
}

# loaded_elsewhere(s): the goods were loaded in another state, which places their origin;
# discharged_elsewhere(s), their destination.
loaded_elsewhere(s) if {
	c := loading_country
	c != s.code
}

discharged_elsewhere(s) if {
	c := discharge_country
	c != s.code
}

state_unplaced_fact(s, role, null) := sprintf("No %s is named: whether it is %s is not stated.", [role, s.name])

state_unplaced_fact(s, role, party) := sprintf("The %s, %s, cannot be placed in a state: whether it is %s, or acts for it, is not stated.", [role, label(party), s.name]) if {
	party != null
}

state_tie(s, p) := s.flagged if {
	kind(p) == "vessel"
} else := concat(" ", ["of", s.name])

# state_end_fact(s, role, party) explains how a supplier or recipient was found to be the state
# when the event does not give it as a code; otherwise the supply fact says it already.
state_end_fact(s, role, party) := sprintf("The %s, %s, is %s or of %s, %s.", [role, label(party), s.name, s.name, state_basis(party)]) if {
	state_basis(party)
} else := ""

# state_link_facts(links, direction) are the facts that make the direction, for the reasoning:
# the sure ones, or, when there are none, the possible ones.
state_link_facts(links, direction) := fs if {
	some l in links
	l.direction == direction
	l.sure
	fs := sort({l.fact | some l in links; l.direction == direction; l.sure; l.fact != ""})
} else := sort({l.fact | some l in links; l.direction == direction})

# state_link_review(s, links, direction) names the missing fact when the direction is only possible.
state_link_review(s, links, direction) := [] if {
	some l in links
	l.direction == direction
	l.sure
} else := [sprintf("Whether %s is the %s is not established: %s", [s.name, state_direction_word(s, direction), concat(" ", state_link_facts(links, direction))])]

state_direction_word(s, direction) := "origin" if direction == s.from

state_direction_word(s, direction) := "destination" if direction == s.to

# state_any_link_facts(links) and state_any_link_review(s, links) do the same for a measure that
# applies either way.
state_any_link_facts(links) := sort({l.fact | some l in links; l.sure; l.fact != ""}) if {
	some l in links
	l.sure
} else := sort({l.fact | some l in links})

state_any_link_review(s, links) := [] if {
	some l in links
	l.sure
} else := [sprintf("Whether %s is the origin or the destination is not established: %s", [s.name, concat(" ", state_any_link_facts(links))])]
