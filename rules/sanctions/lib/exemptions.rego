package sanctions.lib

# Exemptions: the entries of data.sanctions.exemptions (rules/data/exemptions.yaml), each an
# exemption a sanctions committee granted or a carve-out a resolution makes. An entry names the
# rules it turns off, so the matching below serves every regime: it turns a finding off when the
# finding's rule is one of the entry's `rules` and its `match` holds:
#
#   {event: ID}   the event is the one named, and the match names nothing else; otherwise all of
#   supplier      the event's supplier is the organisation or supplier that was exempted: the
#                 supplier's name and the entry's name (or one of its aliases) share a key of
#                 name_keys, the normalisation designated names are matched by; and, when the
#                 entry gives a country, the supplier is of that country;
#   recipient     the recipient is of the entry's country, and bears its name when it gives one;
#   categories    every category the finding rests on is one the entry lists;
#   items         when the entry lists phrases: every item of the event in those categories names
#                 one of them (whole words; a plural of the last word too), and there is one;
#   from, until   the event's whole period lies within them.
#
# An entry that would match more than it names (no organisation and no event; no recipient; no
# categories; an open period; no rules) never matches here. The loader refuses such an entry with
# its line (internal/library checkExemptions), so a table that loads holds only entries that can match; a
# server given the table without that check still cannot match more than an entry names.

exemption_part(rule_id, cats) := {"exemption": exemption_out(ex, cats)} if {
	ex := [e | some e in data.sanctions.exemptions; exempts(e, rule_id, cats)][0]
} else := {}

# exemption_out(e, cats) is the entry as findings carry it, with the source's address and why it
# matched.
exemption_out(e, cats) := object.union(
	object.union(object.filter(e, {"id", "kind", "basis", "reference", "note"}), source_url(e)),
	{"reason": exemption_reason(e, cats)},
)

source_url(e) := {"url": e.source.url} if {
	is_string(e.source.url)
} else := {}

exempts(e, rule_id, cats) if {
	is_array(e.rules)
	rule_id in e.rules
	is_object(e.match)
	matches(e.match, cats)
}

matches(m, _) if {
	object.keys(m) == {"event"}
	m.event == input.id
}

matches(m, cats) if {
	not m.event
	supplier_named(m.supplier)
	recipient_named(m.recipient)
	categories_named(m, cats)
	items_named(m, cats)
	period_named(m)
}

# keys_of(name) is name_keys(name), or none for a name that gives none.
keys_of(name) := ks if {
	ks := name_keys(name)
} else := set()

# entry_keys(p) holds the keys of an entry's party: its name's and its aliases'.
entry_keys(p) := {k |
	some n in array.concat([p.name], object.get(p, "aliases", []))
	some k in keys_of(n)
}

party_name_matches(p, party) if {
	some k in keys_of(object.get(party, "name", ""))
	k in entry_keys(p)
}

country_named(p, _) if not p.country

country_named(p, party) if country_code(party) == country_code({"country": p.country})

supplier_named(s) if {
	is_object(s)
	is_string(s.name)
	count(keys_of(s.name)) > 0
	party_name_matches(s, input.supplier)
	country_named(s, input.supplier)
}

recipient_named(r) if {
	is_object(r)
	count(object.filter(r, {"country", "name"})) > 0
	country_named(r, input.recipient)
	recipient_name_named(r)
}

recipient_name_named(r) if not r.name

recipient_name_named(r) if {
	count(keys_of(r.name)) > 0
	party_name_matches(r, input.recipient)
}

categories_named(m, cats) if {
	is_array(m.categories)
	count(cats) > 0
	every c in cats {
		c in m.categories
	}
}

items_named(m, _) if not m.items

items_named(m, cats) if {
	is_array(m.items)
	named := [it | some it in items; some c in it.categories; c in cats]
	count(named) > 0
	every it in named {
		item_names_one(it, m.items)
	}
}

item_names_one(it, phrases) if {
	text := sprintf(" %s ", [key(concat(" ", [it.description, object.get(it, "designation", "")]))])
	some p in phrases
	k := key(p)
	k != ""
	some form in {k, concat("", [k, "s"]), concat("", [k, "es"])}
	contains(text, sprintf(" %s ", [form]))
}

period_named(m) if {
	is_string(m.from)
	is_string(m.until)
	period_start >= m.from
	period_end <= m.until
}

# exemption_reason(e, cats) says why the entry matched, for the reports.
exemption_reason(e, cats) := sprintf("The entry names this event (%s).", [input.id]) if {
	is_string(e.match.event)
} else := sprintf(
	"The supplier %s is the organisation the entry exempts (%s); the recipient %s is the one it names; %s; and the event (%s) falls within its period, %s to %s.",
	[
		party_text(input.supplier), e.match.supplier.name, party_text(input.recipient),
		items_text(e.match, cats), period_text, e.match.from, e.match.until,
	],
)

items_text(m, cats) := sprintf("every category the finding rests on (%s) is one it lists", [cats_text(cats)]) if {
	not m.items
} else := sprintf(
	"every category the finding rests on (%s) is one it lists, and each of the event's items in them names one of the items it lists (%s)",
	[cats_text(cats), concat(", ", [sprintf("'%s'", [p]) | some p in m.items])],
)

cats_text(cats) := join_and(sort([cat_text(c) | some c in cats]))

cat_text(c) := t if {
	t := category_label(c)
} else := c

party_text(p) := t if {
	t := label(p)
} else := "as the event names it"
