package sanctions.dprk.lib

import data.sanctions.lib

# parties lists every party of the DPRK, with its place in the event.
parties contains {"role": "supplier", "party": input.supplier} if lib.supplier_country == "KP"

parties contains {"role": "recipient", "party": input.recipient} if lib.recipient_country == "KP"

parties contains {"role": p.role, "party": p} if {
	some p in input.parties
	lib.country_code(p) == "KP"
}

# --- The DPRK's place in what moved -----------------------------------------------------------
#
# links lists every fact that ties the DPRK to the origin or the destination of the event, each
# {"direction", "sure", "fact"}: direction is from_dprk or to_dprk; sure is false when the fact
# makes the direction possible but not established (a DPRK-flagged carrier: to or from?; a
# supplier nobody can place). The rules read `directions`; finding (lib.rego) turns a direction that
# is only possible into a review naming the missing fact.

links contains {"direction": "from_dprk", "sure": true, "fact": end_fact("supplier", input.supplier)} if {
	lib.supplier_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": end_fact("recipient", input.recipient)} if {
	lib.recipient_country == "KP"
}

links contains {"direction": "from_dprk", "sure": true, "fact": sprintf("The goods were loaded at %s, in the DPRK (KP).", [input.location.loading_port])} if {
	lib.loading_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The goods were discharged at %s, in the DPRK (KP).", [input.location.discharge_port])} if {
	lib.discharge_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The end user, %s, is of the DPRK%s.", [lib.label(p), lib.basis_text(p)])} if {
	some p in input.parties
	p.role == "end_user"
	lib.country_code(p) == "KP"
}

# An event in the DPRK between a foreign party and one nobody can place: the goods left the DPRK
# when the recipient is foreign, reached it when the supplier is.
links contains {"direction": "from_dprk", "sure": true, "fact": sprintf("The event took place in %s, in the DPRK (KP), and the recipient is foreign.", [lib.place_name])} if {
	lib.location_country == "KP"
	lib.recipient_country != "KP"
	not lib.placed_party(object.get(input, "supplier", {}))
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The event took place in %s, in the DPRK (KP), and the supplier is foreign.", [lib.place_name])} if {
	lib.location_country == "KP"
	lib.supplier_country != "KP"
	not lib.placed_party(object.get(input, "recipient", {}))
}

# Facts that tie the DPRK to the event without saying which way the goods went: they make the
# DPRK a possible origin when the supplier is not a foreign state, a possible destination when
# the recipient is not.
links contains {"direction": "from_dprk", "sure": false, "fact": f} if {
	some f in unsure_facts
	not foreign(object.get(input, "supplier", {}))
}

links contains {"direction": "to_dprk", "sure": false, "fact": f} if {
	some f in unsure_facts
	not foreign(object.get(input, "recipient", {}))
}

# foreign(party): the party is placed in a state other than the DPRK.
foreign(party) if {
	c := lib.country_code(party)
	c != "KP"
}

unsure_facts contains sprintf("The %s, %s, is %s%s; whether the goods came from or went to the DPRK is not stated.", [p.role, lib.label(p), dprk_tie(p), lib.basis_text(p)]) if {
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	lib.country_code(p) == "KP"
}

unsure_facts contains sprintf("The %s, %s, is designated: %s; whether the goods came from or went to the DPRK is not stated.", [p.role, lib.label(p), lib.designation_text(e)]) if {
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	not lib.country_code(p) == "KP"
	some e in lib.matched_entries(p)
}

unsure_facts contains sprintf("The event took place in %s, in the DPRK (KP); whether the goods came from or went to the DPRK is not stated.", [lib.place_name]) if {
	lib.location_country == "KP"
	not lib.supplier_country == "KP"
	not lib.recipient_country == "KP"
	not located_link
}

# located_link: the place of the event already made a sure link (above).
located_link if {
	lib.location_country == "KP"
	lib.recipient_country != "KP"
	not lib.placed_party(object.get(input, "supplier", {}))
}

located_link if {
	lib.location_country == "KP"
	lib.supplier_country != "KP"
	not lib.placed_party(object.get(input, "recipient", {}))
}

# An end of the transfer nobody can place could be the DPRK: the supplier, when the recipient
# is not the DPRK; the recipient, when the supplier is not.
links contains {"direction": "from_dprk", "sure": false, "fact": unplaced_fact("supplier", object.get(input, "supplier", null))} if {
	input.type in lib.moving_types
	not lib.placed_party(object.get(input, "supplier", {}))
	not lib.recipient_country == "KP"
}

links contains {"direction": "to_dprk", "sure": false, "fact": unplaced_fact("recipient", object.get(input, "recipient", null))} if {
	input.type in lib.moving_types
	not lib.placed_party(object.get(input, "recipient", {}))
	not lib.supplier_country == "KP"
}

unplaced_fact(role, null) := sprintf("No %s is named: whether it is the DPRK is not stated.", [role])

unplaced_fact(role, party) := sprintf("The %s, %s, cannot be placed in a state: whether it is the DPRK, or acts for it, is not stated.", [role, lib.label(party)]) if {
	party != null
}

dprk_tie(p) := "DPRK-flagged" if {
	lib.kind(p) == "vessel"
} else := "of the DPRK"

# end_fact(role, party) explains how a supplier or recipient was found to be the DPRK when the
# event does not give it as a code; otherwise the supply fact says it already.
end_fact(role, party) := sprintf("The %s, %s, is the DPRK or of the DPRK, %s.", [role, lib.label(party), lib.state_basis(party)]) if {
	lib.state_basis(party)
} else := ""

# directions holds from_dprk when the DPRK may be the origin, to_dprk when it may be the
# destination; sure_directions only those that a fact establishes.
directions contains l.direction if some l in links

sure_directions contains l.direction if {
	some l in links
	l.sure
}

# link_facts(direction) are the facts that make the direction, for the reasoning: the sure ones,
# or, when there are none, the possible ones.
link_facts(direction) := fs if {
	direction in sure_directions
	fs := sort({l.fact | some l in links; l.direction == direction; l.sure; l.fact != ""})
} else := sort({l.fact | some l in links; l.direction == direction})

# link_review(direction) names the missing fact when the direction is only possible.
link_review(direction) := [] if {
	direction in sure_directions
} else := [sprintf("Whether the DPRK is the %s is not established: %s", [direction_word[direction], concat(" ", link_facts(direction))])]

# any_link_facts and any_link_review do the same for a measure that applies either way.
any_link_facts := sort({l.fact | some l in links; l.sure; l.fact != ""}) if {
	count(sure_directions) > 0
} else := sort({l.fact | some l in links})

any_link_review := [] if {
	count(sure_directions) > 0
} else := [sprintf("Whether the DPRK is the origin or the destination is not established: %s", [concat(" ", any_link_facts)])]

direction_word := {"from_dprk": "origin", "to_dprk": "destination"}
