package unlist

import "strings"

// unCountries maps the country names the Consolidated List uses (the UN's own spellings, in
// NATIONALITY and ADDRESS/COUNTRY) to ISO 3166-1 alpha-2 codes. It holds the names the 1718
// Committee's entries use and the UN spellings that differ from the usual English names; a
// name it lacks is reported by FromUNList and left out of the entry.
var unCountries = map[string]string{
	"democratic people's republic of korea": "KP",
	"republic of korea":                     "KR",
	"china":                                 "CN",
	"china, hong kong special administrative region": "HK",
	"china, macao special administrative region":     "MO",
	"hong kong":                        "HK",
	"macao":                            "MO",
	"taiwan province of china":         "TW",
	"libya":                            "LY",
	"myanmar":                          "MM",
	"viet nam":                         "VN",
	"iran (islamic republic of)":       "IR",
	"iran":                             "IR",
	"syrian arab republic":             "SY",
	"russian federation":               "RU",
	"british virgin islands":           "VG",
	"marshall islands":                 "MH",
	"panama":                           "PA",
	"singapore":                        "SG",
	"samoa":                            "WS",
	"malaysia":                         "MY",
	"indonesia":                        "ID",
	"thailand":                         "TH",
	"cambodia":                         "KH",
	"lao people's democratic republic": "LA",
	"mongolia":                         "MN",
	"united arab emirates":             "AE",
	"egypt":                            "EG",
	"sudan":                            "SD",
	"ethiopia":                         "ET",
	"uganda":                           "UG",
	"angola":                           "AO",
	"belarus":                          "BY",
	"cuba":                             "CU",
	"pakistan":                         "PK",
	"india":                            "IN",
	"japan":                            "JP",
	"seychelles":                       "SC",
	"comoros":                          "KM",
	"togo":                             "TG",
	"sierra leone":                     "SL",
	"saint kitts and nevis":            "KN",
	"palau":                            "PW",
	"belize":                           "BZ",
	"united kingdom of great britain and northern ireland": "GB",
	"united states of america":                             "US",
	"united republic of tanzania":                          "TZ",
	"bolivia (plurinational state of)":                     "BO",
	"venezuela (bolivarian republic of)":                   "VE",
}

// CountryCode gives the ISO code of a country name as the Consolidated List writes it.
func CountryCode(name string) (string, bool) {
	code, ok := unCountries[strings.ToLower(clean(name))]
	return code, ok
}
