# METADATA
# title: Joint ventures with the DPRK
# description: >-
#   States must prohibit new joint ventures or cooperative entities with DPRK entities or
#   individuals, and the expansion of existing ones (2371 (2017)); then the opening, maintenance
#   and operation of all of them, new and existing, the existing to close within 120 days, by
#   9 January 2018, unless the Committee approves (2375 (2017) 18). Fires on cooperation or an
#   agreement with a DPRK party that the event calls a joint venture (tag `joint-venture`, or the
#   words "joint venture", "cooperative entity" or "joint company"). Committee-approved ventures
#   belong in the exemptions table. The carve-outs of 2375 (2017) 18: an existing China-DPRK
#   hydroelectric power project gives no finding (one not said to be existing needs review); the
#   Russia-DPRK Rajin-Khasan port and rail project, spared only to export Russian coal, and a
#   non-commercial public utility project, which the Committee may approve, need review.
# scope: package
# custom:
#   id: DPRK-JOINT-VENTURES
#   category: sectoral
#   severity: medium
#   citations:
#     - resolution: 2375 (2017)
#       paragraph: "18"
#       in_force: "2018-01-09"
#       summary: >-
#         States shall prohibit the opening, maintenance and operation of all joint ventures or
#         cooperative entities, new and existing, with DPRK entities or individuals, unless the
#         Committee approves them case by case; existing ones were to close within 120 days of
#         11 September 2017.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       confirmed: http://www.amitiefrancecoree.org/2017/09/la-chine-ordonne-la-fermeture-des-entreprises-nord-coreennes-sur-son-territoire-en-application-de-la-resolution-2375-du-csnu.html
#     - resolution: 2375 (2017)
#       paragraph: "18"
#       in_force: "2017-09-11"
#       until: "2018-01-08"
#       summary: >-
#         States shall prohibit the opening of new joint ventures or cooperative entities with DPRK
#         entities or individuals; existing ones shall close within 120 days.
#       url: https://docs.un.org/en/S/RES/2375(2017)
#       confirmed: http://www.amitiefrancecoree.org/2017/09/la-chine-ordonne-la-fermeture-des-entreprises-nord-coreennes-sur-son-territoire-en-application-de-la-resolution-2375-du-csnu.html
#       review: Whether this venture was newly opened, or an existing one within its 120 days to close, is not established.
#     - resolution: 2371 (2017)
#       paragraph: "12"
#       in_force: "2017-08-05"
#       until: "2017-09-10"
#       summary: >-
#         States shall prohibit the opening of new joint ventures or cooperative entities with DPRK
#         entities or individuals, and the expansion of existing ones through additional investment.
#       url: https://docs.un.org/en/S/RES/2371(2017)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this venture was new or expanded by additional investment is not established.
package sanctions.dprk.joint_ventures

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

jv_tags := {"joint-venture", "joint_venture", "jv"}

jv_phrases := {"joint venture", "joint ventures", "cooperative entity", "cooperative entities", "joint company"}

joint_venture if {
	some t in input.tags
	t in jv_tags
}

joint_venture if {
	some p in jv_phrases
	lib.mentions(p)
}

finding contains f if {
	input.type in {"cooperation", "agreement"}
	joint_venture
	count(dprk.parties) > 0
	some_foreign_party
	not carved_out
	f := dprk.finding(rego.metadata.chain(), {
		"facts": array.concat(
			[sprintf("The event is a joint venture or cooperative entity with %s.", [lib.join_and(sort({lib.label(p.party) | some p in dprk.parties}))])],
			carve_out_facts,
		),
		"items": [],
		"review": array.concat(agreement_review, carve_out_review),
	})
}

# some_foreign_party: the venture is with someone outside the DPRK.
some_foreign_party if {
	some c in lib.party_countries
	c != "KP"
}

agreement_review := ["The event is an agreement: whether the venture was opened or operated is not established."] if {
	input.type == "agreement"
} else := []

# --- The carve-outs of 2375 (2017) 18 ------------------------------------------------------------
# The paragraph "shall not apply" to existing China-DPRK hydroelectric power infrastructure
# projects, nor to the Russia-DPRK Rajin-Khasan port and rail project solely to export
# Russia-origin coal as 2371 (2017) 8 permits; and the Committee may approve in advance, case by
# case, ventures that are non-commercial public utility infrastructure projects not generating
# profit. They reach events from 11 September 2017; before, 2371 (2017) applied, without them.

hydro_phrases := {
	"hydroelectric", "hydropower", "hydro power", "hydroelectric power", "hydroelectric power station",
	"hydroelectric power stations", "power station", "power stations", "dam", "dams",
}

rajin_khasan_phrases := {
	"rajin khasan", "khasan rajin", "rason khasan", "khasan rason", "rasonkontrans", "rason kontrans",
	"rasoncontrans", "rason contrans",
}

utility_phrases := {
	"public utility", "public utilities", "non commercial", "noncommercial", "non profit", "nonprofit",
	"not for profit",
}

new_phrases := {"new", "newly", "opened", "opening", "established", "set up", "launched"}

mentions_any(phrases) if {
	some p in phrases
	lib.mentions(p)
}

carve_out_period if lib.period_end >= "2017-09-11"

hydro if {
	mentions_any(hydro_phrases)
	"CN" in lib.party_countries
}

rajin_khasan if {
	mentions_any(rajin_khasan_phrases)
	"RU" in lib.party_countries
}

public_utility if mentions_any(utility_phrases)

new_venture if mentions_any(new_phrases)

existing_venture if {
	lib.mentions("existing")
	not new_venture
}

# carved_out: an existing China-DPRK hydroelectric power project, which the measure does not
# reach at all, wholly within the time of 2375 (2017).
carved_out if {
	hydro
	existing_venture
	lib.period_start >= "2017-09-11"
}

carve_out_facts := [
	"The venture is a new China-DPRK hydroelectric project: the carve-out of 2375 (2017) 18 is for existing ones only.",
] if {
	carve_out_period
	hydro
	new_venture
} else := []

carve_out_review := array.concat(
	array.concat(hydro_review, rajin_khasan_review),
	utility_review,
)

hydro_review := [
	"The venture is a China-DPRK hydroelectric power project: 2375 (2017) 18 does not apply to existing ones, and whether this one existed on 11 September 2017 is not established.",
] if {
	carve_out_period
	hydro
	not existing_venture
	not new_venture
} else := [
	"The venture is an existing China-DPRK hydroelectric power project, which 2375 (2017) 18 does not reach from 11 September 2017: only the time before, under 2371 (2017), is in question.",
] if {
	hydro
	existing_venture
	not carved_out
} else := []

rajin_khasan_review := [
	"The venture is the Russia-DPRK Rajin-Khasan port and rail project: 2375 (2017) 18 does not apply to it when it serves solely to export Russia-origin coal, as 2371 (2017) 8 permits, and whether it served only that is not established.",
] if {
	carve_out_period
	rajin_khasan
} else := []

utility_review := [
	"The venture may be a non-commercial public utility infrastructure project not generating profit, which 2375 (2017) 18 lets the Committee approve in advance case by case: whether the Committee approved it is not established.",
] if {
	carve_out_period
	public_utility
} else := []
