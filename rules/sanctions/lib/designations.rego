package sanctions.lib

# Designations: the persons, entities and vessels of the sanctions committees' lists
# (data.sanctions.designations: the DPRK, Iran, Yemen and Libya lists), indexed by the loader in
# data.sanctions.index.designations by name and alias. The lookups here serve every regime: a
# party's country (parties.rego) and a regime's designation rules.

# name_keys(name) are the index keys of a name: its words, its words run together, its words
# sorted, and its words without their legal form, after normalisation (name_words); a name with
# a part in brackets ("Daedong Credit Bank (DCB)") is keyed with and without it. The loader keys
# designated names the same way (library.NameKeys); a test keeps the two in step.
name_keys(name) := plain_keys(name) | plain_keys(regex.replace(name, `\([^()]*\)`, " ")) if {
	contains(name, "(")
} else := plain_keys(name)

plain_keys(name) := set() if {
	ws := name_words(name)
	count(ws) == 1
	count(ws[0]) < 4
}

plain_keys(name) := set() if count(name_words(name)) == 0

plain_keys(name) := set() if {
	ws := name_words(name)
	count(ws) > 0
	every w in ws {
		w in legal_forms
	}
}

plain_keys(name) := {concat(" ", ws), concat("", ws), concat(" ", sort(ws))} | bare_key(ws) if {
	ws := name_words(name)
	count(ws) > 0
	not short_single(ws)
	some w in ws
	not w in legal_forms
}

short_single(ws) if {
	count(ws) == 1
	count(ws[0]) < 4
}

# name_words(name): apostrophes of romanisation dropped ("Tanch'on" is "tanchon"), the words of
# `words`, and abbreviated legal forms written out ("Corp." is "corporation").
name_words(name) := without_article([object.get(abbreviations, w, w) | some w in words(strings.replace_n(apostrophes, name))])

# without_article(ws) drops a leading "the" before other words: "THE HOUTHIS" is "Houthis".
without_article(ws) := array.slice(ws, 1, count(ws)) if {
	count(ws) > 1
	ws[0] == "the"
} else := ws

apostrophes := {"'": "", "\u2019": "", "\u2018": "", "`": "", "\u02bc": ""}

abbreviations := {
	"corp": "corporation", "co": "company", "ltd": "limited", "inc": "incorporated",
	"intl": "international",
}

legal_forms := {"corporation", "company", "limited", "incorporated", "llc", "plc", "pte", "jsc", "gmbh"}

# bare_key(ws) is the name without its legal-form words, when that leaves two words or more.
bare_key(ws) := {concat(" ", bare)} if {
	bare := [w | some w in ws; not w in legal_forms]
	count(bare) > 1
	count(bare) < count(ws)
} else := set()

# matched_entries(party) are the designations a party matches by UN reference, IMO number or
# name (its name, and its former names for a vessel).
matched_entries(party) := {data.sanctions.index.designated[r] | some r in matched_refs(party)}

matched_refs(party) := ({r |
	r := party.ids.un_ref
	data.sanctions.index.designated[r]
} | {r |
	r := data.sanctions.index.imo[party.ids.imo]
}) | {r |
	some k in name_keys(object.get(party, "name", ""))
	some r in data.sanctions.index.designations[k]
}

# designation_hits(party) lists the designations a party matches, with how:
#   {"reference", "entry", "basis", "matched"}: basis is "reference" (ids.un_ref), "imo"
#   (ids.imo), "name" (its name matches the listed name or an alias after normalisation: matched
#   is the listed form it matched), or "acting_for" (the party acts for a designated person or
#   entity).
designation_hits(party) := hits if {
	by_ref := {{"reference": r, "basis": "reference"} |
		r := party.ids.un_ref
		data.sanctions.index.designated[r]
	}
	by_imo := {{"reference": r, "basis": "imo"} |
		r := data.sanctions.index.imo[party.ids.imo]
		not r in {x.reference | some x in by_ref}
	}
	known := {x.reference | some x in (by_ref | by_imo)}
	keys := name_keys(object.get(party, "name", ""))
	by_name := {{"reference": r, "basis": "name", "matched": listed_form(data.sanctions.index.designated[r], keys)} |
		some k in keys
		some r in data.sanctions.index.designations[k]
		not r in known
	}
	by_agent := {{"reference": r, "basis": "acting_for"} | some r in acting_for_refs(party)}
	hits := {object.union(h, {"entry": data.sanctions.index.designated[h.reference]}) |
		some h in ((by_ref | by_imo) | (by_name | by_agent))
	}
}

# listed_form(entry, keys) is the entry's name or alias (or former name) that the keys match.
listed_form(entry, keys) := [n |
	some n in array.concat(array.concat([entry.name], object.get(entry, "aliases", [])), object.get(entry, "former_names", []))
	count(name_keys(n) & keys) > 0
][0]

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
