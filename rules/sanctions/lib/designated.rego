package sanctions.lib

# --- Designated parties, for a regime's asset freeze and travel ban ---------------------------
#
# regime_hits(regime) is each party of the event that matches a designation of the regime (the
# designations table's regime, as the Consolidated List writes it, in capitals: DPRK, IRAN,
# YEMEN, LIBYA), with the designation, how it matched and whether it was listed during the
# event: {"entry", "basis", "matched", "role", "party", "timing"}. A party given only by its
# country cannot match. A regime's designation rule reads it once, as a rule of its own.

regime_hits(regime) := {object.union(h, {"role": i.role, "party": i.party, "timing": t}) |
	some i in designation_involved
	designation_identifiable(i.party)
	some h in designation_hits(i.party)
	upper(object.get(h.entry, "regime", "")) == regime
	t := designation_timing(h.entry)
}

# designation_involved lists every party with its place in the event.
designation_involved contains {"role": "supplier", "party": input.supplier} if input.supplier

designation_involved contains {"role": "recipient", "party": input.recipient} if input.recipient

designation_involved contains {"role": p.role, "party": p} if some p in input.parties

designation_identifiable(p) if p.name

designation_identifiable(p) if p.ids.un_ref

designation_identifiable(p) if p.ids.imo

designation_identifiable(p) if p.acting_for

# hit_fact(h, by) says how a party matched a designation made by `by` ("the 1718 Committee").
hit_fact(h, by) := sprintf("%s (%s) is designated by %s: %s.", [label(h.party), h.role, by, designation_text(h.entry)]) if {
	h.basis in {"reference", "imo"}
}

hit_fact(h, by) := sprintf("%s (%s) is designated by %s: %s.", [label(h.party), h.role, by, designation_text(h.entry)]) if {
	h.basis == "name"
	hit_verbatim(h)
}

hit_fact(h, _) := sprintf("%s (%s) matches '%s', %s, by name after normalisation (case, punctuation, apostrophes, legal form): %s.", [label(h.party), h.role, h.matched, hit_listed_as(h), designation_text(h.entry)]) if {
	h.basis == "name"
	not hit_verbatim(h)
}

hit_fact(h, _) := sprintf("%s (%s) acts on behalf of a designated entity: %s.", [label(h.party), h.role, designation_text(h.entry)]) if {
	h.basis == "acting_for"
}

# hit_verbatim(h): the party is written exactly as the listed name.
hit_verbatim(h) if {
	h.party.name == h.matched
	h.matched == h.entry.name
}

hit_listed_as(h) := "the listed name" if {
	h.matched == h.entry.name
} else := "an alias on the list"

# hit_review(h) names what a match leaves unknown: an individual matched by name only, a listing
# during the event.
hit_review(h) := array.concat(hit_name_review(h), hit_listing_review(h))

hit_name_review(h) := [sprintf("%s matches %s by name only: confirm the identity (nationality, date of birth, UN reference).", [label(h.party), h.entry.reference])] if {
	h.basis == "name"
	h.entry.type == "individual"
} else := []

hit_listing_review(h) := [sprintf("%s was listed on %s, within the event's period (%s): whether the dealings came after the listing is not established.", [h.entry.reference, h.entry.listed_on, period_text])] if {
	h.timing == "unclear"
} else := []

# agreement_review: an agreement makes nothing available by itself.
agreement_review := ["The event is an agreement: whether funds or economic resources were made available is not established."] if {
	input.type == "agreement"
} else := []

# listed_for(e) are the measures a designation carries: the table's `measures` when it gives them
# (the 1718 Committee's vessels), else those the Consolidated List's comment says the entry was
# listed for ("Listed pursuant to paragraph 15 of resolution 1970 (Travel Ban)"; the Houthis,
# "(targeted arms embargo)"), else every measure of its regime.
listed_for(e) := {m | some m in e.measures} if {
	e.measures
} else := ms if {
	c := lower(object.get(e, "comments", ""))
	contains(c, "listed pursuant to")
	ms := {m | some phrase, m in listed_phrases; contains(c, phrase)}
	count(ms) > 0
} else := {"asset_freeze", "travel_ban", "arms_embargo"}

listed_phrases := {"travel ban": "travel_ban", "asset freeze": "asset_freeze", "targeted arms embargo": "arms_embargo"}

# hits_for(hits, measure) are the hits whose designation carries the measure.
hits_for(hits, measure) := {h | some h in hits; measure in listed_for(h.entry)}

# travel_place_fact(outside) says where a meeting or deployment took place, for a travel ban
# that applies outside `outside` ("the DPRK"); travel_place_review(outside) names the place as
# missing when the event does not give it.
travel_place_fact(outside) := sprintf("The %s took place in %s, outside %s.", [input.type, label(input.location), outside]) if {
	input.location.country
}

travel_place_fact(_) := sprintf("The %s's place is not stated.", [input.type]) if not input.location.country

travel_place_review(outside) := [sprintf("Where the meeting took place is not stated: the travel ban applies outside %s.", [outside])] if {
	not input.location.country
} else := []
