package sanctions.lib

# Exemptions: entries of data.sanctions.exemptions (rules/data/exemptions.yaml), each granted by
# the 1718 Committee or under the humanitarian exemption. An entry turns a finding off when it
# names the event, or when the event's supplier, recipient, items and period fall within it; and,
# when it lists rules, the finding's rule is one of them.

exemption_part(rule_id, cats) := {"exemption": exemption_out(ex)} if {
	ex := [e | some e in data.sanctions.exemptions; exempts(e, rule_id, cats)][0]
} else := {}

exemption_out(e) := object.filter(e, {"id", "kind", "basis", "reference", "note"})

exempts(e, rule_id, cats) if {
	rule_ok(e, rule_id)
	matches(e.match, cats)
}

rule_ok(e, _) if not e.rules

rule_ok(e, rule_id) if rule_id in e.rules

matches(m, _) if m.event == input.id

matches(m, cats) if {
	not m.event
	supplier_ok(m)
	recipient_ok(m)
	categories_ok(m, cats)
	period_ok(m)
}

supplier_ok(m) if not m.supplier

supplier_ok(m) if m.supplier == supplier_country

recipient_ok(m) if not m.recipient

recipient_ok(m) if m.recipient == recipient_country

# Every category the finding rests on must be one the entry exempts.
categories_ok(m, _) if not m.categories

categories_ok(m, cats) if {
	count(cats) > 0
	every c in cats {
		c in m.categories
	}
}

period_ok(m) if {
	period_start >= object.get(m, "from", "0000")
	period_end <= object.get(m, "until", "9999")
}
