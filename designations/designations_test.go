package designations

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestFromUNList(t *testing.T) {
	f, err := os.Open("testdata/consolidated-dprk-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := FromUNList(f, "sample", []string{"DPRK"})
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, d := range l.Designations {
		refs = append(refs, d.Reference)
	}
	if got := strings.Join(refs, " "); got != "KPe.001 KPe.002 KPe.003 KPe.012 KPe.028 KPe.029 KPi.033" {
		t.Errorf("references %s", got)
	}
	ri := l.Designations[6]
	if ri.Name != "RI WON HO" || ri.Type != "individual" || ri.ListedOn != "2016-11-30" || len(ri.Aliases) != 1 || ri.Nationality[0] != "Democratic People's Republic of Korea" {
		t.Errorf("Ri Won Ho: %+v", ri)
	}
	if l.Designations[0].Aliases[0] != "KOMID" || l.Generated != "2018-11-01" {
		t.Errorf("KOMID: %+v; generated %s", l.Designations[0], l.Generated)
	}
}

func TestShippedTableIsGeneratedFromTheSample(t *testing.T) {
	f, err := os.Open("testdata/consolidated-dprk-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := FromUNList(f, "consolidated-dprk-sample.xml", []string{"DPRK"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("../rules/data/designations.json")
	if err != nil || !bytes.Equal(shipped, buf.Bytes()) {
		t.Errorf("rules/data/designations.json differs from the sample: go run ./cmd/sanctions import un-list designations/testdata/consolidated-dprk-sample.xml (%v)", err)
	}
}

func TestBadInput(t *testing.T) {
	for name, text := range map[string]string{
		"not xml":      "{}",
		"no reference": `<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><LISTED_ON>2009-01-01</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`,
		"bad date":     `<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.9</REFERENCE_NUMBER><LISTED_ON>soon</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>`,
	} {
		if _, err := FromUNList(strings.NewReader(text), "x", []string{"DPRK"}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
