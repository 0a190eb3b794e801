package sanctions.lib

# Party resolution, in one place. Every party field (supplier, recipient, each of `parties`, the
# claimants' `by`, `location`) is resolved here into what the rules need: the state the party is
# or belongs to (country_code), how that was found (state_basis), and the DPRK's place in the
# event (links, directions). It reads only the event and the tables, so a stock OPA server
# resolves exactly as the checker does.

# country_code(party) is the ISO code of the state a party is or belongs to, found, in order:
#   1. by `country`, a code or any name or alias of the countries table (the checker has already
#      normalised names to codes; a raw event on an OPA server is resolved here);
#   2. by `name`, for a party of kind `state` or of no kind, when the name is a state's name,
#      alias, adjective or capital ("North Korea", "Democratic People's Republic of Korea",
#      "Pyongyang");
#   3. by `name`, through the actors table (organisations and people that reports cite);
#   4. through the designations table: the country of the designation the party matches by UN
#      reference, IMO number or name (a vessel's flag state, an entity's country).
# For a vessel, the state is its flag state.
country_code(party) := party.country if {
	data.sanctions.countries[party.country]
} else := data.sanctions.index.countries[key(party.country)] if {
	party.country
} else := data.sanctions.index.countries[key(party.name)] if {
	state_like(party)
} else := data.sanctions.index.actors[key(party.name)].country if {
	party.name
} else := designated_country(party)

# state_like(party): a party named as a state may be resolved by its name.
state_like(party) if not party.kind

state_like(party) if party.kind == "state"

# designated_country(party) is the country the designations table gives for the party, when all
# the designations it matches agree.
designated_country(party) := cs[0] if {
	cs := [c | some c in {entry_country(e) | some e in matched_entries(party)}]
	count(cs) == 1
}

# entry_country(e): an entity's or person's country, a vessel's flag.
entry_country(e) := e.country if {
	e.country
} else := e.flag

# state_basis(party) says how a party's state was found, for the reasoning; undefined when the
# party gives its country (the supply fact already shows it, and a name written in `country` is
# as plain as a code).
state_basis(party) := "by its name" if {
	not party.country
	state_like(party)
	data.sanctions.index.countries[key(party.name)]
} else := sprintf("by the actors table (%s)", [data.sanctions.index.actors[key(party.name)].name]) if {
	not party.country
	data.sanctions.index.actors[key(party.name)].country
} else := sprintf("by its designation (%s)", [concat(", ", sort({e.reference | some e in matched_entries(party); e.country}))]) if {
	not party.country
	designated_country(party)
}

# kind(party) is the party's kind; a party given only by its country is a state, and so is a
# party of no kind whose name is a state's. A party of no kind matching a designated vessel is a
# vessel.
kind(party) := party.kind if {
	party.kind
} else := "state" if {
	not party.name
} else := "state" if {
	data.sanctions.index.countries[key(party.name)]
} else := "vessel" if {
	some e in matched_entries(party)
	e.type == "vessel"
} else := "unknown"

# placed(party): the party's state is known.
placed_party(party) if country_code(party)

# label(party) names a party in a sentence: "KOMID (KP)", "North Korea (KP)".
label(party) := sprintf("%s (%s)", [party.name, c]) if {
	party.name
	c := country_code(party)
} else := party.name if {
	party.name
} else := sprintf("%s (%s)", [data.sanctions.countries[c].name, c]) if {
	c := country_code(party)
} else := party.country

supplier_country := country_code(input.supplier)

recipient_country := country_code(input.recipient)

# location_country is the ISO code of where the event took place: its `country`, else the
# country of its `place` (a port or city of the countries table's places).
location_country := country_code(input.location) if {
	input.location.country
} else := place_country(input.location.place)

# place_country(name) is the country of a place: a port or city of the countries table, or a
# state's own name.
place_country(name) := data.sanctions.index.places[key(name)] if {
	data.sanctions.index.places[key(name)]
} else := data.sanctions.index.countries[key(name)]

loading_country := place_country(input.location.loading_port)

discharge_country := place_country(input.location.discharge_port)

# party_countries holds the country of everyone the event involves.
party_countries contains supplier_country

party_countries contains recipient_country

party_countries contains c if {
	some p in input.parties
	c := country_code(p)
}

# operator_countries holds the countries of the parties that conducted a launch or test.
operator_countries contains c if {
	some p in input.parties
	p.role == "operator"
	c := country_code(p)
}

# dprk_parties lists every party of the DPRK, with its place in the event.
dprk_parties contains {"role": "supplier", "party": input.supplier} if supplier_country == "KP"

dprk_parties contains {"role": "recipient", "party": input.recipient} if recipient_country == "KP"

dprk_parties contains {"role": p.role, "party": p} if {
	some p in input.parties
	country_code(p) == "KP"
}

# --- The DPRK's place in what moved -----------------------------------------------------------
#
# links lists every fact that ties the DPRK to the origin or the destination of the event, each
# {"direction", "sure", "fact"}: direction is from_dprk or to_dprk; sure is false when the fact
# makes the direction possible but not established (a DPRK-flagged carrier: to or from?; a
# supplier nobody can place). The rules read `directions`; lib.finding turns a direction that is
# only possible into a review naming the missing fact.

links contains {"direction": "from_dprk", "sure": true, "fact": end_fact("supplier", input.supplier)} if {
	supplier_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": end_fact("recipient", input.recipient)} if {
	recipient_country == "KP"
}

links contains {"direction": "from_dprk", "sure": true, "fact": sprintf("The goods were loaded at %s, in the DPRK (KP).", [input.location.loading_port])} if {
	loading_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The goods were discharged at %s, in the DPRK (KP).", [input.location.discharge_port])} if {
	discharge_country == "KP"
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The end user, %s, is of the DPRK%s.", [label(p), basis_text(p)])} if {
	some p in input.parties
	p.role == "end_user"
	country_code(p) == "KP"
}

# An event in the DPRK between a foreign party and one nobody can place: the goods left the DPRK
# when the recipient is foreign, reached it when the supplier is.
links contains {"direction": "from_dprk", "sure": true, "fact": sprintf("The event took place in %s, in the DPRK (KP), and the recipient is foreign.", [place_name])} if {
	location_country == "KP"
	recipient_country != "KP"
	not placed_party(object.get(input, "supplier", {}))
}

links contains {"direction": "to_dprk", "sure": true, "fact": sprintf("The event took place in %s, in the DPRK (KP), and the supplier is foreign.", [place_name])} if {
	location_country == "KP"
	supplier_country != "KP"
	not placed_party(object.get(input, "recipient", {}))
}

# Facts that tie the DPRK to the event without saying which way the goods went.
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
	c := country_code(party)
	c != "KP"
}

unsure_facts contains sprintf("The %s, %s, is %s%s; whether the goods came from or went to the DPRK is not stated.", [p.role, label(p), dprk_tie(p), basis_text(p)]) if {
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	country_code(p) == "KP"
}

unsure_facts contains sprintf("The %s, %s, is designated: %s; whether the goods came from or went to the DPRK is not stated.", [p.role, label(p), designation_text(e)]) if {
	some p in input.parties
	p.role in {"carrier", "intermediary", "financier"}
	not country_code(p) == "KP"
	some e in matched_entries(p)
}

unsure_facts contains sprintf("The event took place in %s, in the DPRK (KP); whether the goods came from or went to the DPRK is not stated.", [place_name]) if {
	location_country == "KP"
	not supplier_country == "KP"
	not recipient_country == "KP"
	not located_link
}

# located_link: the place of the event already made a sure link (above).
located_link if {
	location_country == "KP"
	recipient_country != "KP"
	not placed_party(object.get(input, "supplier", {}))
}

located_link if {
	location_country == "KP"
	supplier_country != "KP"
	not placed_party(object.get(input, "recipient", {}))
}

# An end of the transfer nobody can place could be the DPRK: the supplier, when the recipient
# is not the DPRK; the recipient, when the supplier is not.
links contains {"direction": "from_dprk", "sure": false, "fact": unplaced_fact("supplier", object.get(input, "supplier", null))} if {
	input.type in moving_types
	not placed_party(object.get(input, "supplier", {}))
	not recipient_country == "KP"
}

links contains {"direction": "to_dprk", "sure": false, "fact": unplaced_fact("recipient", object.get(input, "recipient", null))} if {
	input.type in moving_types
	not placed_party(object.get(input, "recipient", {}))
	not supplier_country == "KP"
}

# moving_types are the event types with a supplier and a recipient.
moving_types := {"transfer", "technical_assistance", "financial", "labour", "deployment", "agreement"}

unplaced_fact(role, null) := sprintf("No %s is named: whether it is the DPRK is not stated.", [role])

unplaced_fact(role, party) := sprintf("The %s, %s, cannot be placed in a state: whether it is the DPRK, or acts for it, is not stated.", [role, label(party)]) if {
	party != null
}

dprk_tie(p) := "DPRK-flagged" if {
	kind(p) == "vessel"
} else := "of the DPRK"

# end_fact(role, party) explains how a supplier or recipient was found to be the DPRK when the
# event does not give it as a code; otherwise the supply fact says it already.
end_fact(role, party) := sprintf("The %s, %s, is the DPRK or of the DPRK, %s.", [role, label(party), state_basis(party)]) if {
	state_basis(party)
} else := ""

basis_text(p) := sprintf(" (%s)", [state_basis(p)]) if {
	state_basis(p)
} else := ""

place_name := input.location.place if {
	input.location.place
} else := label(input.location)

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

# supply_fact states who supplies whom.
supply_fact := sprintf("The supplier is %s and the recipient is %s.", [supplier_label, recipient_label])

supplier_label := label(input.supplier)

default supplier_label := "not named"

recipient_label := label(input.recipient)

default recipient_label := "not named"
