package sanctions.dprk.luxury_goods_test

import data.sanctions.dprk.luxury_goods
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"date": "2024-02",
	"supplier": {"country": "RU"},
	"recipient": {"name": "Kim Jong Un", "country": "KP", "kind": "person"},
	"items": [{"description": "Aurus Senat luxury car"}],
	"claims": [{"status": "confirmed", "by": {"name": "KCNA", "country": "KP", "kind": "state_entity"}}],
})

test_luxury_car_to_dprk_fires if {
	fs := luxury_goods.finding with input as event
	count(fs) == 1
	some f in fs
	f.verdict == "possible_violation"
	f.confidence == "high"
}

test_luxury_from_dprk_is_quiet if {
	count(luxury_goods.finding) == 0 with input as object.union(event, {"supplier": {"country": "KP"}, "recipient": {"country": "RU"}})
}

test_ordinary_goods_are_quiet if {
	count(luxury_goods.finding) == 0 with input as object.union(event, {"items": [{"description": "wheat flour"}]})
}

test_before_1718_is_quiet if {
	count(luxury_goods.finding) == 0 with input as object.union(event, {"date": "2005"})
}
