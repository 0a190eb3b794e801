package sanctions.lib

# Quantities, for the measures that cap them. Units come from data.sanctions.units
# (rules/data/units.yaml); an unknown unit is never guessed.

# barrels(item, category) is the item's quantity in barrels: a unit of volume as is, a unit of
# weight through the category's barrels-per-tonne factor (a lower bound, see units.yaml).
barrels(item, _) := item.quantity.value * data.sanctions.units.barrels[key(item.quantity.unit)]

barrels(item, category) := (item.quantity.value * data.sanctions.units.tonnes[key(item.quantity.unit)]) * data.sanctions.units.barrels_per_tonne[category] if {
	not data.sanctions.units.barrels[key(item.quantity.unit)]
}

# tonnes(item) is the item's quantity in tonnes, when its unit is one of weight.
tonnes(item) := item.quantity.value * data.sanctions.units.tonnes[key(item.quantity.unit)]

# above_cap(item, amount, cap): the reported quantity is above the cap (an up-to quantity never is).
above_cap(item, amount, cap) if {
	amount > cap
	not object.get(item.quantity, "qualifier", "exact") == "up_to"
}

quantity_text(item) := sprintf("%s %v %s", [qualifier_text[object.get(item.quantity, "qualifier", "exact")], item.quantity.value, object.get(item.quantity, "unit", "")])

qualifier_text := {"exact": "", "approx": "about", "more_than": "more than", "at_least": "at least", "up_to": "up to"}
