package sanctions.lib

# finding(chain, facts) builds a complete finding for the rule whose metadata chain is given
# (rego.metadata.chain() in the rule body). facts is an object:
#
#   facts       sentences the rule states about the event, first in the reasoning
#   items       the placed items that meet the rule's item element (may be empty)
#   categories  optional: the categories that decide which citations apply; by default those of
#               `items` (a rule sets them when the items are unknown but could fall under it)
#   measures    optional: the measures the event meets, for citations that name a `measure`
#   review      sentences naming an element that is unknown; any makes the verdict needs_review
#
# and, from the regime's lib (a rule calls its regime's finding, which adds them: for the DPRK,
# data.sanctions.dprk.lib.finding):
#
#   directions        the directions the event may have (from_dprk, to_dprk), for citations
#                     that name a `direction`; none by default
#   direction_facts   the facts that make the direction the rule's condition relies on (a port,
#                     a carrier, a party placed by name); they follow `facts` in the reasoning
#   direction_review  what is missing when that direction is only possible; it comes first in
#                     the review
#
# The verdict is possible_violation only when no element is unknown and at least one claim
# asserts the event (confirmed, reported or alleged) and still stands (its claimant did not
# retract it); an event that is only denied, or whose every assertion was retracted, is
# needs_review at most (docs/confidence.md).
#
# A citation of the rule's metadata applies when the event falls in its time in force (in_force,
# and until when it has one), its direction when it has one, one of its `covers` groups or
# categories when it has any (less the `excludes`), and one of the event's measures when it names
# a `measure`. No applicable citation, no finding. A citation may carry a `review` sentence: an
# element its paragraph needs that events do not show (an exception, a notification); when every
# citation in use has one, the verdict is needs_review.
#
# An entry of the exemptions table (data.sanctions.exemptions) that matches turns the finding
# off: it is then listed under data.sanctions.exempted, with the entry, instead of findings.
finding(chain, facts) := finding_cited(chain, facts, cited_for(chain, facts))

# cited_for(chain, facts) is the rule's citations that apply to the event, each with its timing
# and the categories that meet it; undefined when none applies (then there is no finding). A
# regime's finding calls it first, so that what it adds to the facts is worked out only for an
# event the rule reaches.
cited_for(chain, facts) := cited if {
	meta := rule_metadata(chain)
	cited := applicable(meta.custom.citations, facts_categories(facts), object.get(facts, "measures", set()), object.get(facts, "directions", set()))
	count(cited) > 0
}

# facts_categories(facts): the categories the finding rests on, given or those of its items.
facts_categories(facts) := object.get(facts, "categories", {c | some it in facts.items; some c in it.categories})

# finding_cited(chain, facts, cited) is the finding, once cited_for has found its citations.
finding_cited(chain, facts, cited) := f if {
	meta := rule_metadata(chain)
	cats := facts_categories(facts)
	used := chosen(cited)
	review := array.concat(
		array.concat(array.concat(object.get(facts, "direction_review", []), array.concat(facts.review, stage_review(facts))), timing_review(used)),
		array.concat(citation_review(used), claims_review),
	)
	v := verdict(review)
	base := {
		"rule_id": meta.custom.id,
		"title": meta.title,
		"regime": rule_regime(chain),
		"category": meta.custom.category,
		"severity": meta.custom.severity,
		"verdict": v,
		"confidence": confidence,
		"citations": [citation_out(u.citation) | some u in used],
		"reasoning": array.concat(
			array.concat(
				array.concat(array.concat(facts.facts, object.get(facts, "direction_facts", [])), [item_reason(it) | some it in facts.items]),
				array.concat(array.concat([timing_reason(used)], [law_reason(u) | some u in used]), contested_reasons(used)),
			),
			array.concat(review, [conclusion[v], confidence_reason]),
		),
		"evidence": [{"quote": e.quote, "source": e.source} | some e in input.evidence],
		"counter_evidence": array.concat(counter_evidence, contested_law(used)),
		"event_id": input.id,
	}
	f := object.union(base, exemption_part(meta.custom.id, cats))
}

# rule_metadata(chain) is the rule package's METADATA: the entry of the chain that has custom.id.
rule_metadata(chain) := entry.annotations if {
	some entry in chain
	entry.annotations.custom.id
}

# rule_regime(chain) is the rule's regime: the folder of its package, sanctions.<regime>.<rule>,
# in capitals. The loader derives the METADATA's custom.regime the same way, from the folder.
rule_regime(chain) := upper(entry.path[1]) if {
	some entry in chain
	entry.annotations.custom.id
}

# applicable(citations, cats, measures, directions) keeps, in the order written (most specific
# first), the citations that cover the event, each with its timing and the categories that meet it.
applicable(citations, cats, measures, directions) := [{"citation": c, "timing": t, "matched": matched} |
	some c in citations
	t := citation_timing(c)
	direction_ok(c, directions)
	measure_ok(c, measures)
	matched := covered(c, cats)
	covers_ok(c, matched)
]

citation_timing(c) := timing(c.in_force) if not c.until

citation_timing(c) := timing_within(c.in_force, c.until) if c.until

measure_ok(c, _) if not c.measure

measure_ok(c, measures) if c.measure in measures

direction_ok(c, _) if not c.direction

direction_ok(c, directions) if c.direction in directions

# covered(c, cats) is the categories that the citation's `covers` groups reach (empty without covers).
covered(c, cats) := {x |
	some x in cats
	some g in c.covers
	in_group_or_is(x, g)
	not excluded(c, x)
}

excluded(c, x) if {
	some g in c.excludes
	in_group_or_is(x, g)
}

# in_group_or_is(category, g): covers and excludes name taxonomy groups or single categories.
in_group_or_is(category, g) if in_group(category, g)

in_group_or_is(category, category)

covers_ok(c, _) if not c.covers

covers_ok(_, matched) if count(matched) > 0

# chosen(cited) keeps the citations surely in force, when there are any; otherwise, when the
# times in force of those that may apply cover the event's whole period together (one measure
# ending the day before the next begins, as 1747 (2007) 5 and 2231 (2015) Annex B 6(b) do on
# Implementation Day), all of them, in force: on every day of the period one of them applied;
# otherwise those whose time in force the event's vague date may or may not reach.
chosen(cited) := sure if {
	sure := [c | some c in cited; c.timing == "in_force"]
	count(sure) > 0
} else := [object.union(c, {"timing": "in_force"}) | some c in cited] if {
	covered_together(cited)
} else := cited

# covered_together(cited): the citations' times in force, taken together, leave no day of the
# event's period uncovered.
covered_together(cited) if {
	count(cited) > 1
	spans := sort([[c.citation.in_force, object.get(c.citation, "until", "9999-12-31")] | some c in cited])
	spans[0][0] <= period_start
	every i in numbers.range(1, count(spans) - 1) {
		spans[i][0] <= day_after(max([spans[j][1] | some j in numbers.range(0, i - 1)]))
	}
	max([s[1] | some s in spans]) >= period_end
}

# day_after(d) is the day after the date d (YYYY-MM-DD).
day_after("9999-12-31") := "9999-12-31"

day_after(d) := time.format([time.add_date(time.parse_ns("2006-01-02", d), 0, 0, 1), "UTC", "2006-01-02"]) if d != "9999-12-31"

timing_review(used) := [] if used[0].timing == "in_force"

# citation_review(used): the elements the cited paragraphs need that the event does not show, when
# no paragraph in use applies without one.
citation_review(used) := [] if {
	some u in used
	not u.citation.review
} else := [u.citation.review | some u in used]

timing_review(used) := [sprintf(
	"The event's period (%s) starts before %s and may end after it: the date is too vague to tell whether the measure applied.",
	[period_text, used[0].citation.in_force],
)] if {
	used[0].timing == "unclear"
}

# claims_review: no claim asserts the event and still stands.
claims_review := [] if {
	count(asserting) > 0
} else := ["Every claim that asserted the event was retracted by its claimant: nobody now asserts it."] if {
	some c in input.claims
	c.status in positive_statuses
} else := ["No claim asserts the event: it is only denied, so nobody asserts that it happened."]

verdict(review) := "possible_violation" if count(review) == 0

verdict(review) := "needs_review" if count(review) > 0

timing_reason(used) := sprintf("The event (%s) falls within the time in force of %s.", [
	period_text,
	join_and(sort({in_force_text(u.citation) | some u in used})),
]) if {
	used[0].timing == "in_force"
}

timing_reason(used) := sprintf("The event (%s) may fall within the time in force of %s.", [
	period_text,
	join_and(sort({in_force_text(u.citation) | some u in used})),
]) if {
	used[0].timing == "unclear"
}

in_force_text(c) := sprintf("UNSCR %s, paragraph %s (from %s)", [c.resolution, c.paragraph, c.in_force]) if not c.until

in_force_text(c) := sprintf("UNSCR %s, paragraph %s (from %s until %s)", [c.resolution, c.paragraph, c.in_force, c.until]) if c.until

# law_reason(u) states what a cited paragraph prohibits and which of the event's items it reaches.
law_reason(u) := sprintf("UNSCR %s, paragraph %s, reaches %s: %s", [
	u.citation.resolution,
	u.citation.paragraph,
	join_and(sort({group_label(g) | some g in u.citation.covers; some x in u.matched; in_group_or_is(x, g)})),
	u.citation.summary,
]) if {
	count(u.matched) > 0
}

law_reason(u) := sprintf("UNSCR %s, paragraph %s: %s", [u.citation.resolution, u.citation.paragraph, u.citation.summary]) if {
	count(u.matched) == 0
}

group_label(g) := data.sanctions.taxonomy.groups[g].label

group_label(g) := category_label(g) if not data.sanctions.taxonomy.groups[g]

conclusion := {
	"possible_violation": "As reported, the event meets every element of the prohibition: a possible violation, not a legal determination.",
	"needs_review": "An element of the prohibition is unknown, so the finding needs review before it can be called a possible violation.",
}

# citation_out(c) is a citation as findings carry it.
citation_out(c) := object.filter(c, {"resolution", "paragraph", "summary", "url", "note"})

# contested_law(used) is the challenges to the law that the cited paragraphs carry (a citation's
# `contested`): counter-evidence about the law, not about the event, which never drops the finding.
contested_law(used) := [{"by": c.by, "status": "contested", "note": c.note, "url": c.url} |
	some u in used
	c := u.citation.contested
]

# A citation's contested.note follows its contested.by in a sentence: "hold that ...".
contested_reasons(used) := [sprintf("The application of UNSCR %s, paragraph %s, is contested: %s %s The finding rests on the measure as re-applied, and stands.", [u.citation.resolution, u.citation.paragraph, u.citation.contested.by, u.citation.contested.note]) |
	some u in used
	u.citation.contested
]
