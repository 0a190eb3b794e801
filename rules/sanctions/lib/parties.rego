package sanctions.lib

# country_code(party) is the ISO code of a party's country, through the countries table: the
# checker has already normalised names to codes, and this keeps the rules right when they are
# run on raw events (opa eval, an OPA server).
country_code(party) := data.sanctions.index.countries[key(party.country)]

# kind(party) is the party's kind; a party given only by its country is a state.
kind(party) := party.kind

kind(party) := "state" if {
	not party.kind
	not party.name
}

kind(party) := "unknown" if {
	not party.kind
	party.name
}

# label(party) names a party in a sentence: "KOMID (KP)", "North Korea (KP)".
label(party) := sprintf("%s (%s)", [party.name, country_code(party)]) if {
	party.name
	country_code(party)
}

label(party) := party.name if {
	party.name
	not country_code(party)
}

label(party) := sprintf("%s (%s)", [data.sanctions.countries[c].name, c]) if {
	not party.name
	c := country_code(party)
}

label(party) := party.country if {
	not party.name
	not country_code(party)
}

supplier_country := country_code(input.supplier)

recipient_country := country_code(input.recipient)

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

# directions holds from_dprk when the DPRK supplies, to_dprk when it receives.
directions contains "from_dprk" if supplier_country == "KP"

directions contains "to_dprk" if recipient_country == "KP"

# supply_fact states who supplies whom.
supply_fact := sprintf("The supplier is %s and the recipient is %s.", [supplier_label, recipient_label])

supplier_label := label(input.supplier)

default supplier_label := "not named"

recipient_label := label(input.recipient)

default recipient_label := "not named"
