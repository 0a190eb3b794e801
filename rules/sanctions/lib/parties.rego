package sanctions.lib

# country_code(party) is the ISO code of a party's country. The checker has already normalised
# names to codes, so a code is taken as it is; a name goes through the countries index, which keeps
# the rules right when they are run on raw events (opa eval, an OPA server).
country_code(party) := party.country if {
	data.sanctions.countries[party.country]
} else := data.sanctions.index.countries[key(party.country)]

# kind(party) is the party's kind; a party given only by its country is a state. (Functions
# here are written as else chains: OPA then stops at the first body that holds.)
kind(party) := party.kind if {
	party.kind
} else := "unknown" if {
	party.name
} else := "state"

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

# location_country is the ISO code of where the event took place.
location_country := country_code(input.location)

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
