# METADATA
# title: The Yemen regime's helpers
# description: >-
#   What the Yemen rules share beyond the regime-neutral data.sanctions.lib. The Yemen measures
#   (2140 (2014), 2216 (2015)) target persons, entities and a group, not a state: so this lib
#   names no state, but the recipients they reach: the Houthis (the actors table's "Houthis",
#   under any of its names), a party the designations table lists under the Yemen regime, and a
#   recipient in Yemen nobody names or places, which may be either. A named Yemeni party that is
#   neither (the government's forces, a militia fighting the Houthis) is not reached. A new regime that targets parties
#   rather than a state copies this folder.
# scope: package
# schemas:
#   - input: schema.event
package sanctions.yemen.lib

import data.sanctions.lib

# finding(chain, facts) is lib.finding for a Yemen rule.
finding(chain, facts) := lib.finding(chain, facts)

# recipients lists the parties a transfer reaches (its recipient and end users), each with what
# makes the Yemen measures reach it: "houthis", "designated" or "unplaced_in_yemen".
recipients contains {"role": "recipient", "party": input.recipient, "measure": m} if {
	some m in reach(input.recipient)
}

recipients contains {"role": p.role, "party": p, "measure": m} if {
	some p in input.parties
	p.role == "end_user"
	some m in reach(p)
}

# reach(party) says how the measures reach a party.
reach(party) := {"houthis"} if {
	houthis(party)
} else := {"designated"} if {
	designated(party)
} else := {"unplaced_in_yemen"} if {
	not lib.placed_party(party)
	bound_for_yemen
} else := {"unplaced_in_yemen"} if {
	# placed in Yemen, but named by no one ("a recipient in Yemen") and of no kind the report
	# gives: who it is, is not stated
	lib.country_code(party) == "YE"
	not party.kind
	not lib.official(party)
	unnamed(party)
} else := set()

# unnamed(party): the party's name says only what it is, not who ("a buyer", "unnamed consignee").
unnamed(party) if not party.name

unnamed(party) if regex.match(`^(?i)(an?|the|unnamed|unknown|unidentified|some)\s`, party.name)

# houthis(party): the party is the Houthis, by any name the actors table knows.
houthis(party) if data.sanctions.index.actors[lib.key(party.name)].name == "Houthis"

# designated(party): the party matches a designation of the Yemen regime, or acts for one.
designated(party) if {
	some h in lib.designation_hits(party)
	upper(h.entry.regime) == "YEMEN"
}

# bound_for_yemen: the goods were bound for Yemen, by the port they were to be discharged at,
# the place of the event, or the recipient's country.
bound_for_yemen if lib.discharge_country == "YE"

bound_for_yemen if lib.recipient_country == "YE"

bound_for_yemen if {
	lib.location_country == "YE"
	not lib.loading_country == "YE"
}

# recipient_fact(r) says who the recipient is, and why the measures reach it.
recipient_fact(r) := sprintf("The %s, %s, is the Houthis (Ansar Allah), by the actors table.", [r.role, lib.label(r.party)]) if r.measure == "houthis"

recipient_fact(r) := sprintf("The %s, %s, is designated under the Yemen regime, or acts for one so designated: %s.", [r.role, lib.label(r.party), concat("; ", sort({lib.designation_text(h.entry) | some h in lib.designation_hits(r.party); upper(h.entry.regime) == "YEMEN"}))]) if r.measure == "designated"

recipient_fact(r) := sprintf("The goods were bound for Yemen, and the %s, %s, is not named as a designated person or entity nor as the Houthis.", [r.role, lib.label(r.party)]) if r.measure == "unplaced_in_yemen"
