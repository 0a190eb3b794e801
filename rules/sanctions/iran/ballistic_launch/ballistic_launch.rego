# METADATA
# title: Iran's ballistic missile activity
# description: >-
#   Iran shall not undertake any activity related to ballistic missiles capable of delivering
#   nuclear weapons, including launches using ballistic missile technology (1929 (2010) 9), from
#   9 June 2010 until Implementation Day; from Implementation Day (16 January 2016) until
#   17 October 2023 Iran was only called upon not to (2231 (2015) Annex B 3: a call, not a
#   decision, and for missiles designed to be capable of delivering nuclear weapons), so those
#   findings need review; from the re-application of the earlier resolutions on 28 September 2025
#   (the "snapback", which Iran, the Russian Federation and China hold void: every such finding
#   says so), 1929 (2010) 9 again. Whether a missile is capable of delivering nuclear weapons is
#   seldom reported: when an event does not say it, the finding names it as the missing fact.
#   Fires on a launch that Iran conducted, of ballistic missile technology or of something the
#   taxonomy cannot place.
# scope: package
# custom:
#   id: IRAN-BALLISTIC-LAUNCH
#   category: missile_programme
#   severity: high
#   citations:
#     - resolution: 1929 (2010)
#       paragraph: "9"
#       in_force: "2025-09-28"
#       covers: [ballistic_technology]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: Iran shall not
#         undertake any activity related to ballistic missiles capable of delivering nuclear
#         weapons, including launches using ballistic missile technology.
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/training-assistance-services
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 2231 (2015)
#       paragraph: Annex B 3
#       in_force: "2016-01-16"
#       until: "2023-10-17"
#       covers: [ballistic_technology]
#       summary: >-
#         Iran is called upon not to undertake any activity related to ballistic missiles designed
#         to be capable of delivering nuclear weapons, including launches using such ballistic
#         missile technology, until eight years after JCPOA Adoption Day (18 October 2015).
#       url: https://docs.un.org/en/S/RES/2231(2015)
#       confirmed: https://voltairenet.org/article213901.html
#       review: >-
#         Annex B 3 calls upon Iran and does not decide: whether a launch breaches it, and whether
#         the missile was designed to be capable of delivering nuclear weapons, is for review.
#     - resolution: 1929 (2010)
#       paragraph: "9"
#       in_force: "2010-06-09"
#       until: "2016-01-15"
#       covers: [ballistic_technology]
#       summary: >-
#         Iran shall not undertake any activity related to ballistic missiles capable of delivering
#         nuclear weapons, including launches using ballistic missile technology (terminated on
#         Implementation Day under resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1929(2010)
#       confirmed: https://unsanctionsapp.com/types-of-sanctions/training-assistance-services
package sanctions.iran.ballistic_launch

import data.sanctions.iran.lib as iran
import data.sanctions.lib

# What was launched: the items the citations cover (ballistic missile technology), else what the
# taxonomy cannot place, for review.
finding contains f if {
	input.type == "launch"
	"IR" in lib.operator_countries
	launched := lib.cited_or_unplaced(
		chain,
		"What was launched is unknown; if it used ballistic missile technology, the prohibition applies.",
	)
	f := iran.finding(rego.metadata.chain(), object.union(launched, {
		"facts": [operator_fact],
		"review": array.concat(launched.review, capability_review),
	}))
}

operator_fact := sprintf("The launch was conducted by %s.", [lib.join_and(sort({lib.label(p) |
	some p in input.parties
	p.role == "operator"
}))])

# capability_review: the measures reach missiles capable of delivering nuclear weapons; an event
# that does not say so (the tag nuclear-capable) leaves that element unknown.
capability_review := [] if {
	"nuclear-capable" in object.get(input, "tags", [])
} else := ["Whether the missile is capable of delivering nuclear weapons is not stated: the measure reaches only such missiles."]

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
