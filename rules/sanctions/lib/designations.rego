package sanctions.lib

# Designations: the persons and entities of the 1718 Committee's list (data.sanctions.designations,
# indexed by the loader in data.sanctions.index.designations by name and alias).

# name_keys(name) are the index keys of a name: its words, its words run together, its words
# sorted. The loader keys designated names the same way (ruleset.NameKeys).
name_keys(name) := set() if {
	ws := words(name)
	count(ws) == 1
	count(ws[0]) < 4
}

name_keys(name) := {concat(" ", ws), concat("", ws), concat(" ", sort(ws))} if {
	ws := words(name)
	count(ws) > 0
	not short_single(ws)
}

short_single(ws) if {
	count(ws) == 1
	count(ws[0]) < 4
}

# designation_hits(party) lists the designations a party matches, with how:
#   {"reference", "entry", "basis"}: basis is "reference" (ids.un_ref), "name" (its name or an
#   alias), or "acting_for" (the party acts for a designated person or entity).
designation_hits(party) := hits if {
	by_ref := {{"reference": r, "basis": "reference"} |
		r := party.ids.un_ref
		data.sanctions.index.designated[r]
	}
	by_name := {{"reference": r, "basis": "name"} |
		some k in name_keys(object.get(party, "name", ""))
		some r in data.sanctions.index.designations[k]
		not r in {x.reference | some x in by_ref}
	}
	by_agent := {{"reference": r, "basis": "acting_for"} | some r in acting_for_refs(party)}
	hits := {object.union(h, {"entry": data.sanctions.index.designated[h.reference]}) |
		some h in ((by_ref | by_name) | by_agent)
	}
}

acting_for_refs(party) := {party.acting_for} if data.sanctions.index.designated[party.acting_for]

acting_for_refs(party) := {r |
	some k in name_keys(party.acting_for)
	some r in data.sanctions.index.designations[k]
} if {
	party.acting_for
	not data.sanctions.index.designated[party.acting_for]
}

acting_for_refs(party) := set() if not party.acting_for

# designation_timing(entry): "in_force" when the listing covers the whole event, "unclear" when
# the event's period straddles the listing or the delisting; undefined when it does not overlap.
designation_timing(entry) := timing(entry.listed_on) if not entry.delisted_on

designation_timing(entry) := timing_within(entry.listed_on, entry.delisted_on) if entry.delisted_on

# designation_text(entry): "KPe.001 KOREA MINING DEVELOPMENT TRADING CORPORATION (listed 2009-04-24)"
designation_text(entry) := sprintf("%s %s (listed %s)", [entry.reference, entry.name, entry.listed_on])
