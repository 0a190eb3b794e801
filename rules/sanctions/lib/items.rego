package sanctions.lib

# items lists every item of the event placed in the item taxonomy: the item as written, with
#   categories (a set), phrases (what the taxonomy matched) and given (the event gave the category)
# A category the event gives wins; otherwise the categories come from the taxonomy phrases found
# in the description and the designation (data.sanctions.index.phrases, keyed by words).
items := [placed(item) | some item in input.items]

placed(item) := object.union(item, {
	"categories": {item.category},
	"phrases": set(),
	"given": true,
}) if {
	item.category
} else := object.union(item, {
	"categories": {m.category | some m in found},
	"phrases": {m.phrase | some m in found},
	"given": false,
}) if {
	found := longest_matches(item.description) | designation_matches(item)
}

designation_matches(item) := longest_matches(item.designation) if {
	item.designation
} else := set()

# phrase_matches(text) finds every taxonomy phrase in text, as whole words: at each word, it
# compares the phrases that start with that word (data.sanctions.index.starts) with the words
# that follow.
phrase_matches(text) := {m |
	starts := data.sanctions.index.starts
	phrases := data.sanctions.index.phrases
	ws := words(text)
	n := count(ws)
	some i, w in ws
	some cand in starts[w]
	end := i + cand.words
	end <= n
	p := concat(" ", array.slice(ws, i, end))
	category := phrases[p]
	m := {"start": i, "end": end, "phrase": p, "category": category}
}

# longest_matches(text) keeps the matches that no longer match contains: "attack helicopter",
# not "helicopter"; "iron ore", not "iron".
longest_matches(text) := found if {
	found := phrase_matches(text)
	count(found) < 2
} else := {m |
	found := phrase_matches(text)
	some m in found
	not inside_longer(m, found)
}

inside_longer(m, found) if {
	some o in found
	o.start <= m.start
	o.end >= m.end
	o.end - o.start > m.end - m.start
}

# in_group(category, group) is true when the taxonomy puts the category in the group
# (data.sanctions.index.groups: group -> its categories, derived from the taxonomy).
in_group(category, group) if data.sanctions.index.groups[group][category]

item_in_group(item, group) if {
	some c in item.categories
	data.sanctions.index.groups[group][c]
}

# items_in_group(group) lists the event's items with a category in the group.
items_in_group(group) := [it | some it in items; item_in_group(it, group)]

# unplaced_items lists the items that the taxonomy cannot place.
unplaced_items := [it | some it in items; count(it.categories) == 0]

# group_categories(group) is every category of a group.
group_categories(group) := object.keys(data.sanctions.index.groups[group])

category_label(c) := data.sanctions.taxonomy.categories[c].label

default category_label(_) := "an unknown category"

# item_reason(item) says how an item was placed.
item_reason(item) := sprintf("'%s' is %s, as the event states.", [item.description, category_labels(item.categories)]) if {
	item.given
} else := sprintf("'%s' is %s (the item taxonomy matches %s).", [
	item.description,
	category_labels(item.categories),
	quoted(item.phrases),
]) if {
	count(item.categories) > 0
} else := sprintf("The item taxonomy cannot place '%s'.", [item.description])

category_labels(cats) := join_and([category_label(c) | some c in cats])
