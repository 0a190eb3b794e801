package unlist

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func sample(t *testing.T) *Result {
	t.Helper()
	f, err := os.Open("testdata/consolidated-dprk-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := FromUNList(f, Source{Title: "sample", URL: "https://example.org/list"}, []string{"DPRK"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func find(l *List, ref string) *Designation {
	for i := range l.Designations {
		if l.Designations[i].Reference == ref {
			return &l.Designations[i]
		}
	}
	return nil
}

func TestFromUNList(t *testing.T) {
	res := sample(t)
	l := res.List
	var refs []string
	for _, d := range l.Designations {
		refs = append(refs, d.Reference)
	}
	if got := strings.Join(refs, " "); got != "KPi.007 KPi.033 KPi.036 KPi.064 KPe.001 KPe.002 KPe.003 KPe.012 KPe.028 KPe.029 KPe.040 KPe.075" {
		t.Errorf("references %s", got)
	}
	if l.Snapshot != "2025-11-18" || len(l.Sources) != 1 || l.Sources[0].ID != "un-consolidated-list-2025-11-18" || l.Sources[0].Snapshot != "2025-11-18" {
		t.Errorf("snapshot %s, sources %+v", l.Snapshot, l.Sources)
	}
	for _, d := range l.Designations {
		if d.Source != l.Sources[0].ID {
			t.Errorf("%s names the source %q", d.Reference, d.Source)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	tests := []struct {
		ref  string
		want Designation
	}{
		{"KPi.033", Designation{Name: "RI WON HO", Type: "individual", ListedOn: "2016-11-30", Country: "KP", BirthDates: []string{"1964-07-17"}}},
		// A good alias; a date of birth and two years of birth.
		{"KPi.007", Designation{Name: "CHANG MYONG-CHIN", Type: "individual", Aliases: []string{"Jang Myong-Jin"}, Country: "KP", BirthDates: []string{"1968-02-19", "1965", "1966"}}},
		// A DPRK national with an address in Myanmar.
		{"KPi.036", Designation{Name: "KIM SOK CHOL", Type: "individual", Country: "KP", Countries: []string{"KP", "MM"}}},
		// A low-quality alias is kept.
		{"KPi.064", Designation{Name: "CH'OE SO’K MIN", Aliases: []string{"Choe Sok Min"}}},
		// The list writes "KOMID" in quotation marks.
		{"KPe.001", Designation{Name: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Type: "entity", ListedOn: "2009-04-24", Country: "KP",
			Aliases: []string{"CHANGGWANG SINYONG CORPORATION", "EXTERNAL TECHNOLOGY GENERAL CORPORATION", "DPRKN MINING DEVELOPMENT TRADING COOPERATION", "KOMID"}}},
		// Former names (f.k.a.) are aliases too.
		{"KPe.029", Designation{Name: "NATIONAL AEROSPACE TECHNOLOGY ADMINISTRATION", Aliases: []string{"NATA", "NATIONAL AEROSPACE DEVELOPMENT ADMINISTRATION", "NADA"}}},
		// Addresses in the British Virgin Islands and China.
		{"KPe.040", Designation{Name: "DCB FINANCE LIMITED", Country: "VG", Countries: []string{"VG", "CN"}}},
		{"KPe.075", Designation{Name: "YUK TUNG ENERGY PTE LTD", Country: "SG", ListedOn: "2018-03-30"}},
	}
	for _, tt := range tests {
		d := find(l, tt.ref)
		if d == nil {
			t.Errorf("%s missing", tt.ref)
			continue
		}
		w := tt.want
		if d.Name != w.Name || (w.Type != "" && d.Type != w.Type) || (w.ListedOn != "" && d.ListedOn != w.ListedOn) ||
			(w.Country != "" && d.Country != w.Country) || !reflect.DeepEqual(d.Countries, w.Countries) ||
			(w.Aliases != nil && !reflect.DeepEqual(d.Aliases, w.Aliases)) || (w.BirthDates != nil && !reflect.DeepEqual(d.BirthDates, w.BirthDates)) {
			t.Errorf("%s: got %+v\nwant %+v", tt.ref, *d, w)
		}
	}
	if find(l, "QDi.999") != nil {
		t.Error("kept an entry of another regime")
	}
}

func TestLongCommentsAreShortened(t *testing.T) {
	d := find(sample(t).List, "KPi.064")
	if d == nil || len([]rune(d.Comments)) > MaxComment+2 || !strings.HasSuffix(d.Comments, "…") || !strings.HasPrefix(d.Comments, "In 2016, Ch’oe So’k-min was the deputy representative") {
		t.Errorf("comment %q", d.Comments)
	}
	if short := find(sample(t).List, "KPi.033").Comments; short != "Ri Won Ho is a DPRK Ministry of State Security Official stationed in Syria supporting KOMID." {
		t.Errorf("a short comment was changed: %q", short)
	}
}

// TestShippedTableHoldsTheSample checks rules/data/designations.json against the sample, whose
// entries are copied from the list the table was imported from: each must be in the table as
// the importer converts it, and the table must be what the importer writes (sorted, with its
// sources).
func TestShippedTableHoldsTheSample(t *testing.T) {
	f, err := os.Open("../../rules/data/designations.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	shipped, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(shipped.Sources) == 0 || shipped.Snapshot != shipped.Sources[0].Snapshot {
		t.Fatalf("snapshot %s, sources %+v", shipped.Snapshot, shipped.Sources)
	}
	unID := shipped.Sources[0].ID
	for _, want := range sample(t).List.Designations {
		got := find(shipped, want.Reference)
		if got == nil {
			t.Errorf("%s is not in the shipped table", want.Reference)
			continue
		}
		want.Source = unID
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s in the shipped table:\n%+v\nthe sample converts to:\n%+v", want.Reference, *got, want)
		}
	}
	// The counts of each regime's list as the Committees state them (the 1718 Committee: "80
	// individuals and 75 entities"; the 1737 list re-established with 43 and 78).
	byRegime := map[string]int{}
	for _, d := range shipped.Designations {
		byRegime[d.Regime+" "+d.Type]++
	}
	want := map[string]int{"DPRK individual": 80, "DPRK entity": 75, "DPRK vessel": 58, "Iran individual": 43, "Iran entity": 78,
		"Yemen individual": 10, "Yemen entity": 1, "Libya individual": 28, "Libya entity": 2}
	if !reflect.DeepEqual(byRegime, want) {
		t.Errorf("the shipped table holds %v, want %v", byRegime, want)
	}
	var again bytes.Buffer
	if err := shipped.Write(&again); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("../../rules/data/designations.json")
	if !bytes.Equal(raw, again.Bytes()) {
		t.Error("rules/data/designations.json is not as the importer writes it: refresh it with `sanctions import un-list --force`")
	}
}

func TestMergeKeepsVessels(t *testing.T) {
	old := &List{
		Sources: []Source{{ID: "un-old"}, {ID: "press"}},
		Designations: []Designation{
			{Reference: "KPe.999", Type: "entity", Name: "GONE", Source: "un-old"},
			{Reference: "IMO 8705539", Type: "vessel", Name: "KUM UN SAN 3", IMO: "8705539", Regime: "DPRK", Source: "press"},
			{Reference: "IMO 9074729", Type: "vessel", Name: "OTHER", IMO: "9074729", Regime: "Libya", Source: "press"},
		},
	}
	merged, kept := Merge(old, sample(t).List)
	if kept != 1 || find(merged, "KPe.999") != nil || find(merged, "IMO 8705539") == nil || find(merged, "IMO 9074729") != nil {
		t.Errorf("kept %d; entries %d", kept, len(merged.Designations))
	}
	if len(merged.Sources) != 2 || merged.Sources[1].ID != "press" {
		t.Errorf("sources %+v", merged.Sources)
	}
	if last := merged.Designations[len(merged.Designations)-1]; last.Type != "vessel" {
		t.Errorf("vessels are not last: %+v", last)
	}
	if m, k := Merge(nil, sample(t).List); k != 0 || len(m.Designations) != 12 {
		t.Errorf("merge with no old table kept %d", k)
	}
}

func TestValidIMO(t *testing.T) {
	for s, want := range map[string]bool{"8705539": true, "8126070": true, "9074729": true, "8705538": false, "870553": false, "87055390": false, "IMO8705": false} {
		if ValidIMO(s) != want {
			t.Errorf("ValidIMO(%q) = %v", s, !want)
		}
	}
}

func TestBadInput(t *testing.T) {
	for name, text := range map[string]string{
		"not xml":      "{}",
		"other root":   `<sdnList><sdnEntry/></sdnList>`,
		"no reference": `<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><LISTED_ON>2009-01-01</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`,
		"bad date":     `<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.9</REFERENCE_NUMBER><LISTED_ON>soon</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`,
		"twice":        `<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.009</REFERENCE_NUMBER><LISTED_ON>2009-01-01</LISTED_ON></ENTITY><ENTITY><FIRST_NAME>Y</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.009</REFERENCE_NUMBER><LISTED_ON>2009-01-01</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`,
	} {
		if _, err := FromUNList(strings.NewReader(text), Source{}, []string{"DPRK"}, nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestEmptyResultIsRefused(t *testing.T) {
	f, err := os.Open("testdata/consolidated-dprk-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := FromUNList(f, Source{}, []string{"Iraq"}, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("a list with no entry of the regime: %v", err)
	}
}

func TestUnknownCountryIsReported(t *testing.T) {
	text := `<CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z"><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.009</REFERENCE_NUMBER><LISTED_ON>2009-01-01</LISTED_ON>
<ENTITY_ADDRESS><COUNTRY>Atlantis</COUNTRY></ENTITY_ADDRESS><ENTITY_ADDRESS><COUNTRY>China</COUNTRY></ENTITY_ADDRESS></ENTITY></ENTITIES></CONSOLIDATED_LIST>`
	res, err := FromUNList(strings.NewReader(text), Source{}, []string{"DPRK"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.List.Designations[0]; d.Country != "CN" || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `"Atlantis"`) {
		t.Errorf("country %s, warnings %v", d.Country, res.Warnings)
	}
}

// TestCountriesFromTheLibrary: a name the importer's table of UN spellings lacks ("Yemen",
// "Türkiye") is coded by the lookup it is given (the rule library's countries table), and only a
// name neither knows is a warning.
func TestCountriesFromTheLibrary(t *testing.T) {
	text := `<CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z"><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>Yemen</UN_LIST_TYPE><REFERENCE_NUMBER>YEe.009</REFERENCE_NUMBER><LISTED_ON>2022-01-01</LISTED_ON>
<ENTITY_ADDRESS><COUNTRY>Yemen</COUNTRY></ENTITY_ADDRESS><ENTITY_ADDRESS><COUNTRY>Atlantis</COUNTRY></ENTITY_ADDRESS></ENTITY></ENTITIES></CONSOLIDATED_LIST>`
	lookup := func(name string) (string, bool) {
		code, ok := map[string]string{"Yemen": "YE"}[name]
		return code, ok
	}
	res, err := FromUNList(strings.NewReader(text), Source{}, []string{"YEMEN"}, lookup)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.List.Designations[0]; d.Country != "YE" || d.Regime != "Yemen" || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `"Atlantis"`) {
		t.Errorf("country %s, regime %s, warnings %v", d.Country, d.Regime, res.Warnings)
	}
	if res, _ := FromUNList(strings.NewReader(text), Source{}, []string{"YEMEN"}, nil); len(res.Warnings) != 2 {
		t.Errorf("without the lookup: warnings %v", res.Warnings)
	}
}
