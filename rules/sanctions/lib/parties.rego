package sanctions.lib

# Party resolution, in one place. Every party field (supplier, recipient, each of `parties`, the
# claimants' `by`, `location`) is resolved here into what the rules need: the state the party is
# or belongs to (country_code) and how that was found (state_basis). A regime's lib places its
# state in the event from these (for the DPRK, links and directions in
# data.sanctions.dprk.lib). It reads only the event and the tables, so a stock OPA server
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

# official(party): the party is a state or a state body, by its kind or, for a party named but
# given no kind, by the actors table ("Government of National Accord").
official(party) if kind(party) in {"state", "state_entity"}

official(party) if {
	not party.kind
	data.sanctions.index.actors[key(party.name)].kind in {"state", "state_entity"}
}

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

# moving_types are the event types with a supplier and a recipient.
moving_types := {"transfer", "technical_assistance", "financial", "labour", "deployment", "agreement"}

# basis_text(p) is how a party's state was found, in brackets, for a sentence; "" when the party
# gives its country.
basis_text(p) := sprintf(" (%s)", [state_basis(p)]) if {
	state_basis(p)
} else := ""

# place_name names where the event took place: its place, else its country.
place_name := input.location.place if {
	input.location.place
} else := label(input.location)

# supply_fact states who supplies whom.
supply_fact := sprintf("The supplier is %s and the recipient is %s.", [supplier_label, recipient_label])

supplier_label := label(input.supplier)

default supplier_label := "not named"

recipient_label := label(input.recipient)

default recipient_label := "not named"
