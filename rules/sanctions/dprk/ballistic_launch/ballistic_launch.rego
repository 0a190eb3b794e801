# METADATA
# title: DPRK launches using ballistic missile technology
# description: >-
#   The DPRK must not launch ballistic missiles (1718 (2006) 2), nor conduct any launch using
#   ballistic missile technology (1874 (2009) 2), even one characterized as a satellite launch or
#   space launch vehicle (S/PRST/2012/13), and must suspend all activities of its ballistic
#   missile programme (1718 (2006) 5; 1874 (2009) 3). Fires on a launch or test the DPRK
#   conducts of a ballistic missile, a space launch vehicle or missile technology; a launch whose
#   object is not stated, or not placed by the taxonomy, makes the finding needs_review.
# scope: package
# related_resources:
#   - ref: https://docs.un.org/en/S/RES/1718(2006)
#     description: S/RES/1718 (2006)
#   - ref: https://docs.un.org/en/S/RES/1874(2009)
#     description: S/RES/1874 (2009)
#   - ref: https://docs.un.org/en/S/RES/2087(2013)
#     description: S/RES/2087 (2013)
#   - ref: https://docs.un.org/en/S/RES/2270(2016)
#     description: S/RES/2270 (2016)
#   - ref: https://docs.un.org/en/S/PRST/2012/13
#     description: S/PRST/2012/13
# custom:
#   id: DPRK-BALLISTIC-LAUNCH
#   category: missile_programme
#   severity: high
#   citations:
#     - resolution: 1874 (2009)
#       paragraph: "2"
#       in_force: "2009-06-12"
#       covers: [ballistic_technology]
#       summary: Demands that the DPRK not conduct any further nuclear test or any launch using ballistic missile technology.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1874 (2009)
#       paragraph: "3"
#       in_force: "2009-06-12"
#       covers: [ballistic_technology]
#       summary: >-
#         Decides that the DPRK shall suspend all activities related to its ballistic missile
#         programme and re-establish its pre-existing commitments to a moratorium on missile launches.
#       url: https://docs.un.org/en/S/RES/1874(2009)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: "2"
#       in_force: "2006-10-14"
#       covers: [ballistic_missiles]
#       summary: Demands that the DPRK not conduct any further nuclear test or launch of a ballistic missile.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 1718 (2006)
#       paragraph: "5"
#       in_force: "2006-10-14"
#       covers: [ballistic_technology]
#       summary: >-
#         Decides that the DPRK shall suspend all activities related to its ballistic missile
#         programme and re-establish its pre-existing commitments to a moratorium on missile launching.
#       url: https://docs.un.org/en/S/RES/1718(2006)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2087 (2013)
#       paragraph: "3"
#       in_force: "2013-01-22"
#       covers: [ballistic_technology]
#       summary: >-
#         Demands that the DPRK immediately comply fully with its obligations under resolutions
#         1718 (2006) and 1874 (2009), including that it not conduct any further launches that use
#         ballistic missile technology, nuclear test or any further provocation.
#       url: https://docs.un.org/en/S/RES/2087(2013)
#       confirmed: https://newsroom.ctbto.org/2013/01/24/un-security-council-resolution-sanctions-north-korea-warns-against-nuclear-test/
#     - resolution: 2270 (2016)
#       paragraph: "2"
#       in_force: "2016-03-02"
#       covers: [ballistic_technology]
#       summary: >-
#         Reaffirms that the DPRK shall not conduct any further launches that use ballistic missile
#         technology, nuclear tests or any other provocation, and shall suspend all activities
#         related to its ballistic missile programme.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.dprk.ballistic_launch

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

# What was launched: the items the citations cover (ballistic missile technology), else what the
# taxonomy cannot place, for review.
finding contains f if {
	input.type == "launch"
	"KP" in lib.operator_countries
	launched := lib.cited_or_unplaced(
		chain,
		"What was launched is unknown; if it used ballistic missile technology, the prohibition applies.",
	)
	f := dprk.finding(rego.metadata.chain(), object.union(launched, {"facts": array.concat([operator_fact], satellite_fact)}))
}

operator_fact := sprintf("The launch was conducted by %s.", [lib.join_and(sort({lib.label(p) |
	some p in input.parties
	p.role == "operator"
}))])

satellite_fact := ["The Security Council holds that a launch using ballistic missile technology is prohibited even if characterized as a satellite launch or space launch vehicle (S/PRST/2012/13)."] if {
	some it in lib.items
	"space_launch_technology" in it.categories
} else := []

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
