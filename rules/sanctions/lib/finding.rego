package sanctions.lib

# finding(chain, facts) builds a complete finding for the rule whose metadata chain is given
# (rego.metadata.chain() in the rule body). facts is an object:
#
#   facts       sentences the rule states about the event, first in the reasoning
#   items       the placed items that meet the rule's item element (may be empty)
#   categories  optional: the categories that decide which citations apply; by default those of
#               `items` (a rule sets them when the items are unknown but could fall under it)
#   review      sentences naming an element that is unknown; any makes the verdict needs_review
#
# A citation of the rule's metadata applies when the event falls in its time in force (in_force),
# its direction (from_dprk, to_dprk) when it has one, and one of its `covers` groups when it has
# any (less the `excludes` groups). No applicable citation, no finding.
finding(chain, facts) := f if {
	meta := rule_metadata(chain)
	cats := object.get(facts, "categories", {c | some it in facts.items; some c in it.categories})
	cited := applicable(meta.custom.citations, cats)
	count(cited) > 0
	used := chosen(cited)
	review := array.concat(facts.review, timing_review(used))
	v := verdict(review)
	f := {
		"rule_id": meta.custom.id,
		"title": meta.title,
		"regime": meta.custom.regime,
		"category": meta.custom.category,
		"severity": meta.custom.severity,
		"verdict": v,
		"confidence": confidence,
		"citations": [citation_out(u.citation) | some u in used],
		"reasoning": array.concat(
			array.concat(
				array.concat(facts.facts, [item_reason(it) | some it in facts.items]),
				array.concat([timing_reason(used)], [law_reason(u) | some u in used]),
			),
			array.concat(review, [conclusion[v], confidence_reason]),
		),
		"evidence": [{"quote": e.quote, "source": e.source} | some e in input.evidence],
		"counter_evidence": counter_evidence,
		"event_id": input.id,
	}
}

# rule_metadata(chain) is the rule package's METADATA: the entry of the chain that has custom.id.
rule_metadata(chain) := entry.annotations if {
	some entry in chain
	entry.annotations.custom.id
}

# applicable(citations, cats) keeps, in the order written (most specific first), the citations
# that cover the event, each with its timing and the categories that meet it.
applicable(citations, cats) := [{"citation": c, "timing": t, "matched": matched} |
	some c in citations
	t := timing(c.in_force)
	direction_ok(c)
	matched := covered(c, cats)
	covers_ok(c, matched)
]

direction_ok(c) if not c.direction

direction_ok(c) if c.direction in directions

# covered(c, cats) is the categories that the citation's `covers` groups reach (empty without covers).
covered(c, cats) := {x |
	some x in cats
	some g in c.covers
	in_group(x, g)
	not excluded(c, x)
}

excluded(c, x) if {
	some g in c.excludes
	in_group(x, g)
}

covers_ok(c, _) if not c.covers

covers_ok(_, matched) if count(matched) > 0

# chosen(cited) keeps the citations surely in force, when there are any; otherwise those whose
# time in force the event's vague date may or may not reach.
chosen(cited) := sure if {
	sure := [c | some c in cited; c.timing == "in_force"]
	count(sure) > 0
} else := cited

timing_review(used) := [] if used[0].timing == "in_force"

timing_review(used) := [sprintf(
	"The event's period (%s) starts before %s and may end after it: the date is too vague to tell whether the measure applied.",
	[period_text, used[0].citation.in_force],
)] if {
	used[0].timing == "unclear"
}

verdict(review) := "possible_violation" if count(review) == 0

verdict(review) := "needs_review" if count(review) > 0

timing_reason(used) := sprintf("The event (%s) falls within the time in force of %s.", [
	period_text,
	join_and(sort({sprintf("UNSCR %s (from %s)", [u.citation.resolution, u.citation.in_force]) | some u in used})),
]) if {
	used[0].timing == "in_force"
}

timing_reason(used) := sprintf("The event (%s) may fall within the time in force of %s.", [
	period_text,
	join_and(sort({sprintf("UNSCR %s (from %s)", [u.citation.resolution, u.citation.in_force]) | some u in used})),
]) if {
	used[0].timing == "unclear"
}

# law_reason(u) states what a cited paragraph prohibits and which of the event's items it reaches.
law_reason(u) := sprintf("UNSCR %s, paragraph %s, reaches %s: %s", [
	u.citation.resolution,
	u.citation.paragraph,
	join_and(sort({group_label(g) | some g in u.citation.covers; some x in u.matched; in_group(x, g)})),
	u.citation.summary,
]) if {
	count(u.matched) > 0
}

law_reason(u) := sprintf("UNSCR %s, paragraph %s: %s", [u.citation.resolution, u.citation.paragraph, u.citation.summary]) if {
	count(u.matched) == 0
}

group_label(g) := data.sanctions.taxonomy.groups[g].label

conclusion := {
	"possible_violation": "As reported, the event meets every element of the prohibition: a possible violation, not a legal determination.",
	"needs_review": "An element of the prohibition is unknown, so the finding needs review before it can be called a possible violation.",
}

# citation_out(c) is a citation as findings carry it.
citation_out(c) := object.filter(c, {"resolution", "paragraph", "summary", "url", "note"})
