package sanctions.lib

# The items a rule rests on, read from its citations: a citation's `covers` (less its
# `excludes`) says which taxonomy groups and categories its paragraph reaches, so a rule need not
# name them again, and a phrase or group added to the taxonomy reaches the rule.

# cited_items(chain) lists the event's items, in order, that a citation of the rule reaches.
cited_items(chain) := [it | some it in items; cited_item(chain, it)]

cited_item(chain, it) if {
	some c in rule_metadata(chain).custom.citations
	count(covered(c, it.categories)) > 0
}

# cited_categories(chain) is every category that a citation of the rule reaches.
cited_categories(chain) := {x |
	some c in rule_metadata(chain).custom.citations
	some g in c.covers
	some x in categories_of(g)
	not excluded(c, x)
}

# categories_of(g): a group's categories, or a category named alone.
categories_of(g) := object.keys(data.sanctions.index.groups[g]) if {
	data.sanctions.index.groups[g]
} else := {g}

# cited_or_unplaced(chain, unknown) is the items part of lib.finding's facts for a rule that
# judges what the event is about (what was launched, what assistance relates to): the items the
# rule's citations cover, when there are any; otherwise, when the event names no item or one the
# taxonomy cannot place, those unplaced items, every category the citations cover (so that every
# paragraph that could apply is cited), and the review sentence `unknown`, which says what is
# missing and what would make the prohibition apply. Undefined when every item is placed and
# none is covered: the rule does not reach the event.
cited_or_unplaced(chain, unknown) := {"items": cited, "review": []} if {
	cited := cited_items(chain)
	count(cited) > 0
} else := {"items": unplaced_items, "categories": cited_categories(chain), "review": [unknown]} if {
	items_unknown
}

# items_unknown: the event names no item, or one the taxonomy cannot place.
items_unknown if count(items) == 0

items_unknown if count(unplaced_items) > 0
