# METADATA
# title: Nuclear and ballistic missile items to and from Iran
# description: >-
#   No State may supply Iran with the items, materials, equipment, goods and technology that could
#   contribute to its enrichment-related, reprocessing or heavy water-related activities, or to the
#   development of nuclear weapon delivery systems (the lists of S/2006/814 and S/2006/815:
#   1737 (2006) 3), and Iran may not export them (1737 (2006) 7), from 23 December 2006 until
#   Implementation Day and again from the re-application of the earlier resolutions on
#   28 September 2025 (the "snapback", which Iran, the Russian Federation and China hold void:
#   every such finding says so). From Implementation Day (16 January 2016), nuclear items went to
#   Iran only with the Security Council's approval in advance (2231 (2015) Annex B 2) and
#   missile-related items likewise until 17 October 2023 (2231 (2015) Annex B 4), which events do
#   not show: those findings need review. Fires on a transfer to or from Iran of missile, space
#   launch or nuclear technology or of dual-use items; complete arms are left to the arms rules.
#   A dual-use item needs review: whether it is on the lists is for an analyst to establish.
# scope: package
# custom:
#   id: IRAN-WMD-ITEMS
#   category: missile_programme
#   severity: critical
#   citations:
#     - resolution: 1737 (2006)
#       paragraph: "3"
#       in_force: "2025-09-28"
#       direction: to_iran
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: all States shall
#         prevent the supply, sale or transfer to Iran of all items, materials, equipment, goods
#         and technology which could contribute to Iran's enrichment-related, reprocessing or heavy
#         water-related activities, or to the development of nuclear weapon delivery systems.
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       confirmed: https://totalwonkerr.net/2006/12/24/resolution-1737-text
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 1737 (2006)
#       paragraph: "7"
#       in_force: "2025-09-28"
#       direction: from_iran
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         Re-applied on 28 September 2025 under resolution 2231 (2015) 11-12: Iran shall not export
#         any of the items in S/2006/814 and S/2006/815, and all States shall prohibit their
#         procurement from Iran.
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       note: paragraph number not yet confirmed against the resolution text
#       contested:
#         by: Iran, the Russian Federation and China
#         note: >-
#           hold that the notification of 28 August 2025 under resolution 2231 (2015) 11 was
#           legally void, so that the measures of the earlier resolutions were not re-applied.
#         url: https://press.un.org/en/2025/sc16175.doc.htm
#     - resolution: 2231 (2015)
#       paragraph: Annex B 2
#       in_force: "2016-01-16"
#       until: "2025-09-27"
#       direction: to_iran
#       covers: [nuclear_technology, dual_use]
#       summary: >-
#         States may supply Iran with the nuclear items, materials, equipment, goods and technology
#         of the Nuclear Suppliers Group lists only with the Security Council's approval in
#         advance, case by case (the procurement channel).
#       url: https://docs.un.org/en/S/RES/2231(2015)
#       note: paragraph number not yet confirmed against the resolution text
#       review: >-
#         Whether the Security Council approved the supply in advance, through the procurement
#         channel, is not shown.
#     - resolution: 2231 (2015)
#       paragraph: Annex B 4
#       in_force: "2016-01-16"
#       until: "2023-10-17"
#       direction: to_iran
#       covers: [missile_technology, space_launch_technology, dual_use]
#       summary: >-
#         States may supply Iran with the missile-related items, materials, equipment, goods and
#         technology of the Missile Technology Control Regime's lists only with the Security
#         Council's approval in advance, case by case, until eight years after JCPOA Adoption Day
#         (18 October 2015).
#       url: https://docs.un.org/en/S/RES/2231(2015)
#       note: paragraph number not yet confirmed against the resolution text
#       review: >-
#         Whether the Security Council approved the supply in advance is not shown.
#     - resolution: 1737 (2006)
#       paragraph: "3"
#       in_force: "2006-12-23"
#       until: "2016-01-15"
#       direction: to_iran
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         All States shall prevent the supply, sale or transfer to Iran of all items, materials,
#         equipment, goods and technology which could contribute to Iran's enrichment-related,
#         reprocessing or heavy water-related activities, or to the development of nuclear weapon
#         delivery systems (terminated on Implementation Day under resolution 2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       confirmed: https://totalwonkerr.net/2006/12/24/resolution-1737-text
#     - resolution: 1737 (2006)
#       paragraph: "7"
#       in_force: "2006-12-23"
#       until: "2016-01-15"
#       direction: from_iran
#       covers: [wmd_missile]
#       excludes: [arms]
#       summary: >-
#         Iran shall not export any of the items in S/2006/814 and S/2006/815, and all States shall
#         prohibit their procurement from Iran (terminated on Implementation Day under resolution
#         2231 (2015)).
#       url: https://docs.un.org/en/S/RES/1737(2006)
#       note: paragraph number not yet confirmed against the resolution text
package sanctions.iran.wmd_items

import data.sanctions.iran.lib as iran
import data.sanctions.lib

finding contains f if {
	input.type == "transfer"
	count(iran.directions) > 0
	count(iran.sure_directions) < 2
	items := [it | some it in lib.items_in_group("wmd_missile"); not lib.item_in_group(it, "arms")]
	count(items) > 0
	f := iran.finding(rego.metadata.chain(), {
		"direction": "any",
		"facts": [lib.supply_fact],
		"items": items,
		"review": dual_use_review(items),
	})
}

# dual_use_review: a transfer of dual-use items only needs review.
dual_use_review(items) := [] if {
	some it in items
	some c in it.categories
	c != "dual_use"
} else := ["Whether the dual-use items are on the Council's lists or could contribute to Iran's nuclear or ballistic missile programmes is not established."]

# chain is the rule's METADATA, read once per event.
chain := rego.metadata.chain()
