"""Build igos.tsv: international organisations, NGOs and named armed groups.

Each ENTRIES line is
    CODE ; kind ; country ; sector ; origin ; Name ; form|form|...
origin: "cameo"  = code as listed in the CAMEO actor codebook,
        "built"  = code constructed in the CAMEO style for this project,
        "state"  = a state agency, coded CAMEO-style as country + sector.
A form starting with lowercase "the " is also emitted without it, unless it
is written "!the ..." (then only the form with "the" is kept).  A form
ending in "*" is an all-caps abbreviation that is also an ordinary English
word or another common abbreviation; it must be matched case-sensitively
(the marker is noted in the source column, and dropped from the text).

Facts (names, abbreviations, codes) are public knowledge.  Re-run with
    .venv/bin/python scripts/build_igo_table.py
"""

import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "greatgame", "actors", "data", "igos.tsv")

ENTRIES = r"""
IGOUNO ; igo ; ; IGO ; cameo ; United Nations ; the United Nations|UN|U.N.|the UN|the U.N.|the world body
IGOUNOSCR ; igo ; ; IGO ; built ; UN Security Council ; the UN Security Council|the U.N. Security Council|the United Nations Security Council|!the Security Council|UNSC|the UNSC
IGOUNOGAS ; igo ; ; IGO ; built ; UN General Assembly ; the UN General Assembly|the U.N. General Assembly|the United Nations General Assembly|UNGA
IGOUNOIAE ; igo ; ; IGO ; cameo ; International Atomic Energy Agency ; the International Atomic Energy Agency|IAEA|the IAEA|the UN nuclear watchdog|the U.N. nuclear watchdog|the UN atomic watchdog|the U.N. atomic watchdog
IGOUNODEVWBK ; igo ; ; IGO ; cameo ; World Bank ; the World Bank|the World Bank Group|the International Bank for Reconstruction and Development|IBRD
IGOBUSIMF ; igo ; ; IGO ; cameo ; International Monetary Fund ; the International Monetary Fund|IMF|the IMF
IGOBUSWTO ; igo ; ; IGO ; cameo ; World Trade Organization ; the World Trade Organization|the World Trade Organisation|WTO|the WTO
IGOUNOHLHWHO ; igo ; ; IGO ; cameo ; World Health Organization ; the World Health Organization|the World Health Organisation|WHO*|!the WHO*|the UN health agency|the U.N. health agency
IGOUNOREFHCR ; igo ; ; IGO ; cameo ; UN High Commissioner for Refugees ; UNHCR|the UNHCR|the UN refugee agency|the U.N. refugee agency|the United Nations refugee agency|the Office of the United Nations High Commissioner for Refugees|the UN High Commissioner for Refugees|the United Nations High Commissioner for Refugees
IGOUNOHRIHCH ; igo ; ; IGO ; cameo ; Office of the UN High Commissioner for Human Rights ; OHCHR|the UN human rights office|the U.N. human rights office|the Office of the United Nations High Commissioner for Human Rights|the UN High Commissioner for Human Rights|the United Nations High Commissioner for Human Rights|the UN human rights chief|the U.N. human rights chief
IGOUNOHRIHRC ; igo ; ; IGO ; built ; UN Human Rights Council ; the UN Human Rights Council|the U.N. Human Rights Council|the United Nations Human Rights Council|!the Human Rights Council|UNHRC
IGOUNOKID ; igo ; ; IGO ; cameo ; UN Children's Fund ; UNICEF|Unicef|the United Nations Children's Fund|the UN children's agency|the U.N. children's agency|the UN Children's Fund
IGOUNOWFP ; igo ; ; IGO ; cameo ; World Food Programme ; the World Food Programme|the World Food Program|WFP|the WFP|the UN food agency|the U.N. food agency
IGOUNOAGRFAO ; igo ; ; IGO ; cameo ; Food and Agriculture Organization ; the Food and Agriculture Organization|the UN Food and Agriculture Organization|the Food and Agriculture Organisation|FAO|the FAO
IGOUNOLABILO ; igo ; ; IGO ; cameo ; International Labour Organization ; the International Labour Organization|the International Labor Organization|the International Labour Organisation|ILO|the ILO
IGOUNOEDUSCO ; igo ; ; IGO ; built ; UNESCO ; UNESCO|Unesco|the United Nations Educational, Scientific and Cultural Organization|the UN cultural agency|the U.N. cultural agency
IGOUNOJUDICJ ; igo ; ; IGO ; cameo ; International Court of Justice ; the International Court of Justice|ICJ|the ICJ|the World Court
IGOJUDICC ; igo ; ; IGO ; cameo ; International Criminal Court ; the International Criminal Court|ICC*|!the ICC*
IGOUNOJUDWCT ; igo ; ; IGO ; cameo ; International war crimes tribunals ; the International Criminal Tribunal for the former Yugoslavia|ICTY|the ICTY|the International Criminal Tribunal for Rwanda|ICTR|the ICTR|the UN war crimes tribunal|the U.N. war crimes tribunal
IGOUNOREFRWA ; igo ; ; IGO ; built ; UN Relief and Works Agency for Palestine Refugees ; UNRWA|the UN Relief and Works Agency|the U.N. Relief and Works Agency|the United Nations Relief and Works Agency|the United Nations Relief and Works Agency for Palestine Refugees in the Near East|the UN agency for Palestinian refugees|the U.N. agency for Palestinian refugees
IGOUNOOCH ; igo ; ; IGO ; built ; UN Office for the Coordination of Humanitarian Affairs ; OCHA|the UN Office for the Coordination of Humanitarian Affairs|the United Nations Office for the Coordination of Humanitarian Affairs|the UN humanitarian office|the U.N. humanitarian office|the UN humanitarian agency|the U.N. humanitarian agency
IGOUNODEVUND ; igo ; ; IGO ; built ; UN Development Programme ; UNDP|the UN Development Programme|the United Nations Development Programme|the UN Development Program|the U.N. Development Program
IGOUNOENVUNE ; igo ; ; IGO ; built ; UN Environment Programme ; UNEP|the UN Environment Programme|the United Nations Environment Programme
IGOUNOREFIOM ; igo ; ; IGO ; built ; International Organization for Migration ; the International Organization for Migration|IOM|the IOM|the UN migration agency|the U.N. migration agency
IGOUNOAVNICA ; igo ; ; IGO ; built ; International Civil Aviation Organization ; the International Civil Aviation Organization|ICAO
IGOUNOMARIMO ; igo ; ; IGO ; built ; International Maritime Organization ; the International Maritime Organization|the International Maritime Organisation
IGOUNOPKO ; igo ; ; IGO ; built ; UN peacekeeping forces ; UN peacekeepers|U.N. peacekeepers|United Nations peacekeepers|the UN peacekeeping force|the U.N. peacekeeping force|UN peacekeeping troops|U.N. peacekeeping troops|the blue helmets|Blue Helmets
IGOUNOPKO ; igo ; COD ; IGO ; built ; UN mission in DR Congo (MONUSCO) ; MONUSCO|MONUC
IGOUNOPKO ; igo ; LBN ; IGO ; built ; UN Interim Force in Lebanon (UNIFIL) ; UNIFIL|the United Nations Interim Force in Lebanon|the UN Interim Force in Lebanon
IGOUNOPKO ; igo ; MLI ; IGO ; built ; UN mission in Mali (MINUSMA) ; MINUSMA
IGOUNOPKO ; igo ; SSD ; IGO ; built ; UN Mission in South Sudan (UNMISS) ; UNMISS
IGOUNOPKO ; igo ; CAF ; IGO ; built ; UN mission in the Central African Republic (MINUSCA) ; MINUSCA
IGOUNOPKO ; igo ; CYP ; IGO ; built ; UN Peacekeeping Force in Cyprus (UNFICYP) ; UNFICYP
IGOUNOPKO ; igo ; SYR ; IGO ; built ; UN Disengagement Observer Force (UNDOF) ; UNDOF
IGOUNOAIE ; igo ; ; IGO ; cameo ; International Energy Agency ; the International Energy Agency|IEA|the IEA
IGOOPW ; igo ; ; IGO ; built ; Organisation for the Prohibition of Chemical Weapons ; the Organisation for the Prohibition of Chemical Weapons|the Organization for the Prohibition of Chemical Weapons|OPCW|the OPCW|the chemical weapons watchdog
IGOEUREEC ; igo ; ; IGO ; cameo ; European Union ; the European Union|EU|E.U.|the EU|the E.U.|the European Commission|the EU Commission|the European Council|the Council of the European Union|the Council of the EU|the EU Council|the European Community|the European Economic Community|EEC|the EEC|the Common Market|the 27-nation bloc|the 27-member bloc|the 28-nation bloc
IGOEUREECLEG ; igo ; ; IGO ; built ; European Parliament ; the European Parliament|the EU Parliament|MEPs
IGOEUREECJUD ; igo ; ; IGO ; built ; Court of Justice of the European Union ; the European Court of Justice|the Court of Justice of the European Union|the EU Court of Justice|the EU's top court|the CJEU|CJEU
IGOEURBUSECB ; igo ; ; IGO ; built ; European Central Bank ; the European Central Bank|ECB|the ECB
IGOEURCOPFRX ; igo ; ; IGO ; built ; Frontex ; Frontex|the European Border and Coast Guard Agency|the EU border agency
IGOEURCOPEPL ; igo ; ; IGO ; built ; Europol ; Europol|the EU police agency
IGOEURCOE ; igo ; ; IGO ; cameo ; Council of Europe ; the Council of Europe
IGOEURCOEJUD ; igo ; ; IGO ; built ; European Court of Human Rights ; the European Court of Human Rights|ECHR|the ECHR|the Strasbourg court
IGOEURSCE ; igo ; ; IGO ; cameo ; Organization for Security and Co-operation in Europe ; the Organization for Security and Co-operation in Europe|the Organization for Security and Cooperation in Europe|the Organisation for Security and Co-operation in Europe|OSCE|the OSCE
IGOEURBUSEFT ; igo ; ; IGO ; cameo ; European Free Trade Association ; the European Free Trade Association|EFTA
IGOEURDEVEBR ; igo ; ; IGO ; cameo ; European Bank for Reconstruction and Development ; the European Bank for Reconstruction and Development|EBRD|the EBRD
IGOEURVSG ; igo ; ; IGO ; built ; Visegrad Group ; the Visegrad Group|the Visegrád Group|the Visegrad Four|the V4
IGOWSTNAT ; igo ; ; IGO ; cameo ; North Atlantic Treaty Organization ; the North Atlantic Treaty Organization|the North Atlantic Treaty Organisation|NATO|Nato|N.A.T.O.|the Atlantic alliance|the North Atlantic alliance|the Western alliance|the transatlantic alliance
IGOWSTAUK ; igo ; ; IGO ; built ; AUKUS ; AUKUS|Aukus
IGOWSTFVE ; igo ; ; IGO ; built ; Five Eyes ; the Five Eyes|the Five Eyes alliance
IGOCASCIS ; igo ; ; IGO ; cameo ; Commonwealth of Independent States ; the Commonwealth of Independent States|CIS*
IGOCASCST ; igo ; ; IGO ; built ; Collective Security Treaty Organization ; the Collective Security Treaty Organization|the Collective Security Treaty Organisation|CSTO|the CSTO
IGOCASEEU ; igo ; ; IGO ; built ; Eurasian Economic Union ; the Eurasian Economic Union|EAEU|the EAEU|the EEU
IGOASASCO ; igo ; ; IGO ; built ; Shanghai Cooperation Organisation ; the Shanghai Cooperation Organisation|the Shanghai Cooperation Organization|SCO|the SCO
IGOBUSBRC ; igo ; ; IGO ; built ; BRICS ; BRICS|BRICS+|the BRICS|the BRICS bloc|BRICS Plus
IGOBUSGOS ; igo ; ; IGO ; cameo ; Group of Seven ; the Group of Seven|G7|G-7|the G7|the G-7
IGOBUSGOE ; igo ; ; IGO ; cameo ; Group of Eight ; the Group of Eight|G8|G-8|the G8|the G-8
IGOBUSGTW ; igo ; ; IGO ; built ; Group of Twenty ; the Group of 20|the Group of Twenty|G20|G-20|the G20|the G-20
IGOBUSGSS ; igo ; ; IGO ; cameo ; Group of 77 ; the Group of 77|G77|G-77|the G77|the G-77
IGOBUSPRC ; igo ; ; IGO ; cameo ; Paris Club ; the Paris Club
IGOBUSOPC ; igo ; ; IGO ; cameo ; Organization of the Petroleum Exporting Countries ; the Organization of the Petroleum Exporting Countries|the Organization of Petroleum Exporting Countries|OPEC|Opec|the OPEC|OPEC+|Opec+|OPEC Plus|the OPEC+ alliance|the oil cartel
IGOARBAPE ; igo ; ; IGO ; cameo ; Organization of Arab Petroleum Exporting Countries ; the Organization of Arab Petroleum Exporting Countries|OAPEC
IGOBUSBIS ; igo ; ; IGO ; cameo ; Bank for International Settlements ; the Bank for International Settlements|BIS*
IGOBUSOEC ; igo ; ; IGO ; built ; Organisation for Economic Co-operation and Development ; the Organisation for Economic Co-operation and Development|the Organization for Economic Cooperation and Development|OECD|the OECD
IGOASAAPC ; igo ; ; IGO ; built ; Asia-Pacific Economic Cooperation ; Asia-Pacific Economic Cooperation|the Asia-Pacific Economic Cooperation forum|APEC|Apec
IGOASAQUD ; igo ; ; IGO ; built ; Quadrilateral Security Dialogue ; the Quadrilateral Security Dialogue|!the Quad
IGOASADEVAIB ; igo ; ; IGO ; built ; Asian Infrastructure Investment Bank ; the Asian Infrastructure Investment Bank|AIIB|the AIIB
IGOSEAASN ; igo ; ; IGO ; cameo ; Association of Southeast Asian Nations ; the Association of Southeast Asian Nations|the Association of South East Asian Nations|ASEAN|Asean
IGOSEADEVADB ; igo ; ; IGO ; cameo ; Asian Development Bank ; the Asian Development Bank|ADB|the ADB
IGOSASSAA ; igo ; ; IGO ; cameo ; South Asian Association for Regional Cooperation ; the South Asian Association for Regional Cooperation|SAARC
IGOPACPIF ; igo ; ; IGO ; built ; Pacific Islands Forum ; the Pacific Islands Forum
IGOARCARC ; igo ; ; IGO ; built ; Arctic Council ; the Arctic Council
IGOCWN ; igo ; ; IGO ; cameo ; Commonwealth of Nations ; the Commonwealth of Nations|!the Commonwealth
IGOCOPITP ; igo ; ; IGO ; cameo ; Interpol ; Interpol|INTERPOL|the International Criminal Police Organization
IGOLEGIPU ; igo ; ; IGO ; cameo ; Inter-Parliamentary Union ; the Inter-Parliamentary Union
IGONON ; igo ; ; IGO ; cameo ; Non-Aligned Movement ; the Non-Aligned Movement|the Nonaligned Movement|!the NAM
IGOAFRAFU ; igo ; ; IGO ; cameo ; African Union ; the African Union|AU*|!the AU|the AU Commission|the African Union Commission
IGOAFROAU ; igo ; ; IGO ; cameo ; Organization of African Unity ; the Organization of African Unity|the Organisation of African Unity|OAU
IGOAFRDEVAFB ; igo ; ; IGO ; cameo ; African Development Bank ; the African Development Bank|AfDB|the AfDB
IGOWAFWAS ; igo ; ; IGO ; cameo ; Economic Community of West African States ; the Economic Community of West African States|ECOWAS|Ecowas
IGOWAFUEM ; igo ; ; IGO ; cameo ; West African Economic and Monetary Union ; the West African Economic and Monetary Union|UEMOA|WAEMU
IGOWAFAES ; igo ; ; IGO ; built ; Alliance of Sahel States ; the Alliance of Sahel States|the Confederation of Sahel States|AES*
IGOWAFGFS ; igo ; ; IGO ; built ; G5 Sahel ; the G5 Sahel|G5 Sahel
IGOSAFDEVSAD ; igo ; ; IGO ; cameo ; Southern African Development Community ; the Southern African Development Community|SADC
IGOEAFDEVIAD ; igo ; ; IGO ; cameo ; Intergovernmental Authority on Development ; the Intergovernmental Authority on Development|IGAD
IGOEAFEAC ; igo ; ; IGO ; cameo ; East African Community ; the East African Community|EAC*
IGOEAFCMS ; igo ; ; IGO ; built ; Common Market for Eastern and Southern Africa ; the Common Market for Eastern and Southern Africa|COMESA
IGOCAFECA ; igo ; ; IGO ; cameo ; Economic Community of Central African States ; the Economic Community of Central African States|ECCAS
IGOCAFCEM ; igo ; ; IGO ; cameo ; Economic and Monetary Community of Central Africa ; the Economic and Monetary Community of Central Africa|CEMAC
IGOMEAARL ; igo ; ; IGO ; cameo ; Arab League ; the Arab League|the League of Arab States
IGOPGSGCC ; igo ; ; IGO ; cameo ; Gulf Cooperation Council ; the Gulf Cooperation Council|GCC|the GCC|the Cooperation Council for the Arab States of the Gulf
IGOMOSOIC ; igo ; ; IGO ; cameo ; Organisation of Islamic Cooperation ; the Organisation of Islamic Cooperation|the Organization of Islamic Cooperation|the Organization of the Islamic Conference|OIC|the OIC
IGOMOSDEVIDB ; igo ; ; IGO ; cameo ; Islamic Development Bank ; the Islamic Development Bank|IsDB
IGOMEAAMU ; igo ; ; IGO ; cameo ; Arab Maghreb Union ; the Arab Maghreb Union
IGOOAS ; igo ; ; IGO ; cameo ; Organization of American States ; the Organization of American States|OAS|the OAS
IGOSAMMRC ; igo ; ; IGO ; built ; Mercosur ; Mercosur|MERCOSUR|Mercosul|the Southern Common Market
IGOSAMAND ; igo ; ; IGO ; built ; Andean Community ; the Andean Community
IGOLAMCLC ; igo ; ; IGO ; built ; Community of Latin American and Caribbean States ; the Community of Latin American and Caribbean States|CELAC
IGOCRBCRC ; igo ; ; IGO ; built ; Caribbean Community ; the Caribbean Community|CARICOM|Caricom
IGOLAMDEVIDB ; igo ; ; IGO ; built ; Inter-American Development Bank ; the Inter-American Development Bank|IDB|the IDB|IADB
NGOWEF ; ngo ; ; NGO ; cameo ; World Economic Forum ; the World Economic Forum|WEF
NGOHLHIRC ; ngo ; ; NGO ; cameo ; International Committee of the Red Cross ; the International Committee of the Red Cross|ICRC|the ICRC|the Red Cross
NGOHLHCRC ; ngo ; ; NGO ; cameo ; International Federation of Red Cross and Red Crescent Societies ; the International Federation of Red Cross and Red Crescent Societies|IFRC|the IFRC
NGOHLHRCR ; ngo ; ; NGO ; cameo ; Red Crescent ; the Red Crescent|the Palestine Red Crescent Society|the Palestinian Red Crescent|the Syrian Arab Red Crescent|the Turkish Red Crescent|the Iranian Red Crescent
NGOHRIAMN ; ngo ; ; NGO ; cameo ; Amnesty International ; Amnesty International|Amnesty*
NGOHRIHRW ; ngo ; ; NGO ; cameo ; Human Rights Watch ; Human Rights Watch|HRW
NGOHRIFID ; ngo ; ; NGO ; cameo ; International Federation for Human Rights ; the International Federation for Human Rights|FIDH
NGOHLHMSF ; ngo ; ; NGO ; cameo ; Médecins Sans Frontières ; Médecins Sans Frontières|Doctors Without Borders|MSF
NGMGRP ; ngo ; ; NGO ; cameo ; Greenpeace ; Greenpeace
NGOXFM ; ngo ; ; NGO ; cameo ; Oxfam ; Oxfam|Oxfam International
NGOICG ; ngo ; ; NGO ; cameo ; International Crisis Group ; the International Crisis Group|Crisis Group|ICG
NGOJUDJUR ; ngo ; ; NGO ; cameo ; International Commission of Jurists ; the International Commission of Jurists
NGOTRI ; ngo ; ; NGO ; built ; Transparency International ; Transparency International
NGOMEDRSF ; ngo ; ; NGO ; built ; Reporters Without Borders ; Reporters Without Borders|Reporters Sans Frontières
NGOMEDCPJ ; ngo ; ; NGO ; built ; Committee to Protect Journalists ; the Committee to Protect Journalists|CPJ|the CPJ
NGOSTC ; ngo ; ; NGO ; built ; Save the Children ; Save the Children
NGOREFRSC ; ngo ; ; NGO ; built ; International Rescue Committee ; the International Rescue Committee|IRC*
NGOREFNRC ; ngo ; ; NGO ; built ; Norwegian Refugee Council ; the Norwegian Refugee Council|NRC*
NGOMCY ; ngo ; ; NGO ; built ; Mercy Corps ; Mercy Corps
NGOWVS ; ngo ; ; NGO ; built ; World Vision ; World Vision
NGOISR ; ngo ; ; NGO ; built ; Islamic Relief ; Islamic Relief|Islamic Relief Worldwide
NGOHRIFRH ; ngo ; ; NGO ; built ; Freedom House ; Freedom House
NGOHRISOH ; ngo ; SYR ; NGO ; built ; Syrian Observatory for Human Rights ; the Syrian Observatory for Human Rights|SOHR|the Britain-based Syrian Observatory|the UK-based Syrian Observatory
NGOHRIBTS ; ngo ; ISR ; NGO ; built ; B'Tselem ; B'Tselem
PSEREBHMS ; group ; PSE ; REB ; cameo ; Hamas ; Hamas|HAMAS|the Islamic Resistance Movement|the Qassam Brigades|the al-Qassam Brigades|the Izz al-Din al-Qassam Brigades|the Ezzedine al-Qassam Brigades|the Izz ad-Din al-Qassam Brigades
PSEREBISJ ; group ; PSE ; REB ; cameo ; Palestinian Islamic Jihad ; Palestinian Islamic Jihad|Islamic Jihad|PIJ|the Al-Quds Brigades|the al-Quds Brigades|Saraya al-Quds
PSEREBAAM ; group ; PSE ; REB ; cameo ; Al-Aqsa Martyrs' Brigades ; the Al-Aqsa Martyrs' Brigades|the al-Aqsa Martyrs Brigades|the Aqsa Martyrs Brigades
PSEREBPFL ; group ; PSE ; REB ; cameo ; Popular Front for the Liberation of Palestine ; the Popular Front for the Liberation of Palestine|PFLP|the PFLP
PSEREBDFL ; group ; PSE ; REB ; cameo ; Democratic Front for the Liberation of Palestine ; the Democratic Front for the Liberation of Palestine|DFLP|the DFLP
PSEGOVFTA ; group ; PSE ; GOV ; cameo ; Fatah ; Fatah|the Fatah movement
PSEPLO ; group ; PSE ; GOV ; built ; Palestine Liberation Organization ; the Palestine Liberation Organization|the Palestine Liberation Organisation|PLO|the PLO
LBNREBHEZ ; group ; LBN ; REB ; cameo ; Hezbollah ; Hezbollah|Hizbollah|Hizballah|Hizbullah|Hezbullah|Hizb Allah|the Party of God
LBNREBAML ; group ; LBN ; REB ; cameo ; Amal ; the Amal movement|Amal Movement
AFGREBTAL ; group ; AFG ; REB ; cameo ; Taliban ; the Taliban|Taleban|the Taleban|the Afghan Taliban
AFGREBHQN ; group ; AFG ; REB ; built ; Haqqani network ; the Haqqani network|the Haqqani Network
PAKREBTTP ; group ; PAK ; REB ; built ; Tehrik-e-Taliban Pakistan ; Tehrik-e-Taliban Pakistan|Tehreek-e-Taliban Pakistan|Tehrik-i-Taliban Pakistan|TTP|the TTP|the Pakistani Taliban
PAKREBLET ; group ; PAK ; REB ; built ; Lashkar-e-Taiba ; Lashkar-e-Taiba|Lashkar-e-Toiba|LeT
PAKREBJEM ; group ; PAK ; REB ; built ; Jaish-e-Mohammed ; Jaish-e-Mohammed|Jaish-e-Muhammad|JeM
PAKREBBLA ; group ; PAK ; REB ; built ; Balochistan Liberation Army ; the Balochistan Liberation Army|the Baloch Liberation Army|BLA*
IMGMOSISI ; group ; ; REB ; built ; Islamic State ; Islamic State|the Islamic State group|ISIS|ISIL|IS*|Daesh|Daech|Da'ish|the Islamic State of Iraq and Syria|the Islamic State of Iraq and the Levant|the Islamic State of Iraq and al-Sham|the jihadist group Islamic State
AFGREBISK ; group ; AFG ; REB ; built ; Islamic State Khorasan Province ; Islamic State Khorasan|Islamic State Khorasan Province|Islamic State-Khorasan|ISIS-K|ISKP|IS-K|ISIS-Khorasan
NGAREBISW ; group ; NGA ; REB ; built ; Islamic State West Africa Province ; Islamic State West Africa Province|ISWAP
MLIREBISS ; group ; MLI ; REB ; built ; Islamic State Sahel Province ; Islamic State Sahel Province|Islamic State in the Greater Sahara|ISGS|IS Sahel
IMGMOSALQ ; group ; ; REB ; cameo ; al-Qaeda ; al-Qaeda|al Qaeda|Al-Qaeda|Al Qaeda|al-Qaida|al Qaida|al-Qa'ida|Al-Qa'ida|alQaeda
YEMREBAQP ; group ; YEM ; REB ; built ; al-Qaeda in the Arabian Peninsula ; al-Qaeda in the Arabian Peninsula|al Qaeda in the Arabian Peninsula|AQAP
DZAREBAQM ; group ; DZA ; REB ; built ; al-Qaeda in the Islamic Maghreb ; al-Qaeda in the Islamic Maghreb|al Qaeda in the Islamic Maghreb|AQIM
MLIREBJNM ; group ; MLI ; REB ; built ; Jama'at Nusrat al-Islam wal-Muslimin ; Jama'at Nusrat al-Islam wal-Muslimin|Jamaat Nusrat al-Islam wal-Muslimin|JNIM|the Group for the Support of Islam and Muslims
SOMREBSHB ; group ; SOM ; REB ; built ; al-Shabaab ; al-Shabaab|al-Shabab|Al-Shabaab|Al-Shabab|al Shabaab|al Shabab|Harakat al-Shabaab al-Mujahideen
NGAREBBKH ; group ; NGA ; REB ; built ; Boko Haram ; Boko Haram|Jama'atu Ahlis Sunna Lidda'awati wal-Jihad
YEMREBHTH ; group ; YEM ; REB ; built ; Houthis (Ansar Allah) ; the Houthis|Houthis|Houthi|the Huthis|Huthis|Huthi|Ansar Allah|Ansarallah|the Houthi movement|the Houthi rebels
SYRREBHTS ; group ; SYR ; REB ; built ; Hayat Tahrir al-Sham ; Hayat Tahrir al-Sham|Hay'at Tahrir al-Sham|HTS|Tahrir al-Sham|the Nusra Front|the al-Nusra Front|al-Nusra|Jabhat al-Nusra|Jabhat Fateh al-Sham
SYRREBFSA ; group ; SYR ; REB ; built ; Free Syrian Army ; the Free Syrian Army|FSA*
SYRREBSNA ; group ; SYR ; REB ; built ; Syrian National Army ; the Syrian National Army|the Turkish-backed Syrian National Army
SYRREBSDF ; group ; SYR ; REB ; built ; Syrian Democratic Forces ; the Syrian Democratic Forces|SDF*|!the SDF|the Kurdish-led Syrian Democratic Forces
SYRREBYPG ; group ; SYR ; REB ; built ; People's Protection Units (YPG) ; the People's Protection Units|YPG|the YPG|YPJ
TURREBPKK ; group ; TUR ; REB ; cameo ; Kurdistan Workers' Party ; the Kurdistan Workers' Party|the Kurdistan Workers Party|PKK|the PKK
IRQREBKTH ; group ; IRQ ; REB ; built ; Kata'ib Hezbollah ; Kataib Hezbollah|Kata'ib Hezbollah|Kataib Hizbollah
IRQUAFPMF ; group ; IRQ ; UAF ; built ; Popular Mobilization Forces ; the Popular Mobilization Forces|the Popular Mobilisation Forces|the Popular Mobilization Units|Hashd al-Shaabi|the Hashed al-Shaabi|PMF*
IRQGOVKRG ; group ; IRQ ; GOV ; built ; Kurdistan Regional Government ; the Kurdistan Regional Government|KRG|the KRG
IRQMIL ; group ; IRQ ; MIL ; state ; Peshmerga ; the Peshmerga|Peshmerga|the Kurdish Peshmerga
RUSUAFWAG ; group ; RUS ; UAF ; built ; Wagner Group ; the Wagner Group|Wagner PMC|the Wagner mercenary group|Wagner mercenaries|PMC Wagner
SDNREBRSF ; group ; SDN ; REB ; built ; Rapid Support Forces ; the Rapid Support Forces|RSF|the RSF|the paramilitary Rapid Support Forces
SDNUAFJJW ; group ; SDN ; UAF ; built ; Janjaweed ; the Janjaweed|Janjaweed|Janjaweed militias
SDNREBSPL ; group ; SDN ; REB ; cameo ; Sudan People's Liberation Movement/Army ; the Sudan People's Liberation Army|the Sudan People's Liberation Movement|SPLA|SPLM|the SPLA|the SPLM
SDNREBSPN ; group ; SDN ; REB ; built ; SPLM-North ; SPLM-N|the SPLM-N|the Sudan People's Liberation Movement-North
SSDREBSIO ; group ; SSD ; REB ; built ; SPLM-in-Opposition ; SPLM-IO|the SPLM-IO|the SPLA-IO|SPLA-IO|the Sudan People's Liberation Movement-in-Opposition
CODREBM23 ; group ; COD ; REB ; built ; March 23 Movement (M23) ; M23|the M23|the March 23 Movement|the M23 rebels|the Congo River Alliance|AFC/M23
UGAREBADF ; group ; UGA ; REB ; cameo ; Allied Democratic Forces ; the Allied Democratic Forces|ADF*|!the ADF
UGAREBLRA ; group ; UGA ; REB ; cameo ; Lord's Resistance Army ; the Lord's Resistance Army|LRA|the LRA
RWAREBFDL ; group ; RWA ; REB ; built ; Democratic Forces for the Liberation of Rwanda ; the Democratic Forces for the Liberation of Rwanda|FDLR|the FDLR
CAFREBSLK ; group ; CAF ; REB ; built ; Seleka ; Seleka|Séléka|the Seleka coalition
CAFUAFABK ; group ; CAF ; UAF ; built ; Anti-balaka ; anti-balaka|Anti-Balaka|the anti-balaka militias
COLREBFRC ; group ; COL ; REB ; built ; Revolutionary Armed Forces of Colombia ; the Revolutionary Armed Forces of Colombia|FARC|the FARC|FARC dissidents
COLREBELN ; group ; COL ; REB ; built ; National Liberation Army (ELN) ; ELN|the ELN|the Ejército de Liberación Nacional
PERREBSHP ; group ; PER ; REB ; built ; Shining Path ; the Shining Path|Sendero Luminoso
PHLREBNPA ; group ; PHL ; REB ; built ; New People's Army ; the New People's Army|NPA*|!the NPA
PHLREBMIL ; group ; PHL ; REB ; built ; Moro Islamic Liberation Front ; the Moro Islamic Liberation Front|MILF
IMGSEAMOSASF ; group ; PHL ; REB ; cameo ; Abu Sayyaf ; Abu Sayyaf|the Abu Sayyaf Group|the Abu Sayyaf group
IMGSEAMOSJMA ; group ; IDN ; REB ; cameo ; Jemaah Islamiyah ; Jemaah Islamiyah|Jemaah Islamiya|Jemaah Islamia
LKAREBLTT ; group ; LKA ; REB ; built ; Liberation Tigers of Tamil Eelam ; the Liberation Tigers of Tamil Eelam|LTTE|the LTTE|the Tamil Tigers
MARREBPLS ; group ; MAR ; REB ; cameo ; Polisario Front ; the Polisario Front|Polisario|the Polisario
GBRREBIRA ; group ; GBR ; REB ; cameo ; Irish Republican Army ; the Irish Republican Army|IRA*|!the IRA|the Provisional IRA|the New IRA|the Real IRA
ESPREBETA ; group ; ESP ; REB ; built ; ETA ; ETA*|!the ETA|Euskadi Ta Askatasuna
EGYREBMBR ; group ; EGY ; REB ; cameo ; Muslim Brotherhood ; the Muslim Brotherhood|the Society of the Muslim Brothers
CHNREBETM ; group ; CHN ; REB ; built ; East Turkestan Islamic Movement ; the East Turkestan Islamic Movement|ETIM|the Turkistan Islamic Party
MMRREBARA ; group ; MMR ; REB ; built ; Arakan Army ; the Arakan Army
MMRREBKIA ; group ; MMR ; REB ; built ; Kachin Independence Army ; the Kachin Independence Army|KIA*
MMRREBPDF ; group ; MMR ; REB ; built ; People's Defence Force ; the People's Defence Force|the People's Defense Force|the People's Defence Forces
MMROPPNUG ; group ; MMR ; OPP ; built ; National Unity Government ; the National Unity Government of Myanmar|Myanmar's National Unity Government|the shadow National Unity Government
MEXCRMSIN ; group ; MEX ; CRM ; built ; Sinaloa Cartel ; the Sinaloa Cartel|the Sinaloa cartel
MEXCRMCJN ; group ; MEX ; CRM ; built ; Jalisco New Generation Cartel ; the Jalisco New Generation Cartel|the Jalisco Cartel|CJNG
SLVCRMM13 ; group ; SLV ; CRM ; built ; MS-13 ; MS-13|MS13|Mara Salvatrucha
VENCRMTDA ; group ; VEN ; CRM ; built ; Tren de Aragua ; Tren de Aragua|the Tren de Aragua gang
HTICRMVVA ; group ; HTI ; CRM ; built ; Viv Ansanm gang coalition ; Viv Ansanm|the Viv Ansanm gang coalition
ISRMIL ; group ; ISR ; MIL ; state ; Israel Defense Forces ; the Israel Defense Forces|the Israel Defence Forces|the Israeli Defense Forces|IDF|the IDF|Tsahal
ISRSPY ; group ; ISR ; SPY ; state ; Israeli intelligence (Mossad, Shin Bet) ; Mossad|the Mossad|Shin Bet|the Shin Bet|Shabak|the Shabak|the Israel Security Agency
USASPY ; group ; USA ; SPY ; state ; US intelligence agencies (CIA, NSA) ; the Central Intelligence Agency|CIA|the CIA|the National Security Agency|!the NSA|ODNI
USACOP ; group ; USA ; COP ; state ; US federal law enforcement ; the Federal Bureau of Investigation|FBI|the FBI|the Drug Enforcement Administration|DEA|the DEA|Immigration and Customs Enforcement|ICE*|!the ICE|the US Border Patrol|the U.S. Border Patrol|Customs and Border Protection|CBP
USAGOV ; group ; USA ; GOV ; state ; US Department of Homeland Security ; the Department of Homeland Security|DHS|the DHS
USAMIL ; group ; USA ; MIL ; state ; US military commands ; US Central Command|U.S. Central Command|CENTCOM|Centcom|US Indo-Pacific Command|U.S. Indo-Pacific Command|INDOPACOM|US Africa Command|U.S. Africa Command|AFRICOM|Africom|US European Command|U.S. European Command|EUCOM|the Joint Chiefs of Staff
RUSSPY ; group ; RUS ; SPY ; state ; Russian intelligence services (FSB, GRU, SVR) ; the Federal Security Service|FSB|the FSB|GRU|the GRU|SVR|the SVR
RUSCOP ; group ; RUS ; COP ; state ; Russian National Guard (Rosgvardia) ; Rosgvardia|the Rosgvardia|Russia's National Guard
SUNSPY ; group ; SUN ; SPY ; state ; KGB ; KGB|the KGB
SUNMIL ; group ; SUN ; MIL ; state ; Red Army ; the Red Army|the Soviet Army
CHNMIL ; group ; CHN ; MIL ; state ; People's Liberation Army ; the People's Liberation Army|PLA|the PLA|the PLA Navy|the People's Liberation Army Navy|PLAN*|the China Coast Guard|the Chinese coast guard
CHNPTYCPC ; group ; CHN ; PTY ; built ; Chinese Communist Party ; the Chinese Communist Party|the Communist Party of China|CCP|the CCP|CPC|the CPC
IRNMIL ; group ; IRN ; MIL ; state ; Islamic Revolutionary Guard Corps ; the Islamic Revolutionary Guard Corps|the Islamic Revolutionary Guards Corps|IRGC|the IRGC|the Revolutionary Guards|the Revolutionary Guard|the Revolutionary Guard Corps|the Quds Force|the Qods Force|the Basij|Basij
PAKSPY ; group ; PAK ; SPY ; state ; Inter-Services Intelligence ; Inter-Services Intelligence|ISI*|!the ISI
INDSPY ; group ; IND ; SPY ; state ; Research and Analysis Wing ; the Research and Analysis Wing|RAW*
GBRSPY ; group ; GBR ; SPY ; state ; British intelligence (MI6, MI5, GCHQ) ; MI6|MI5|GCHQ|the Secret Intelligence Service
GBRCOP ; group ; GBR ; COP ; state ; London Metropolitan Police ; Scotland Yard|the Metropolitan Police|the Met Police
MMRMIL ; group ; MMR ; MIL ; state ; Tatmadaw ; the Tatmadaw|Tatmadaw
UKRSPY ; group ; UKR ; SPY ; state ; Security Service of Ukraine ; the Security Service of Ukraine|SBU|the SBU
DEUMIL ; group ; DEU ; MIL ; state ; Bundeswehr ; the Bundeswehr|Bundeswehr
DEUSPY ; group ; DEU ; SPY ; state ; Federal Intelligence Service (BND) ; BND|the BND
FRASPY ; group ; FRA ; SPY ; state ; DGSE ; DGSE|the DGSE
JPNMIL ; group ; JPN ; MIL ; state ; Japan Self-Defense Forces ; the Self-Defense Forces|the Japan Self-Defense Forces|the Japanese Self-Defense Forces|the Self-Defence Forces|the Japan Self-Defence Forces
USAGOV ; group ; USA ; GOV ; state ; Federal Reserve ; the Federal Reserve|the Federal Reserve Board|the Federal Reserve System|the U.S. Federal Reserve|the US Federal Reserve|!the Fed
USALEG ; group ; USA ; LEG ; state ; US congressional committees ; the House Foreign Affairs Committee|the Senate Foreign Relations Committee|the House Armed Services Committee|the Senate Armed Services Committee|the House Ways and Means Committee|the Senate Finance Committee|the Senate Banking Committee|the House Banking Committee|the House Intelligence Committee|the Senate Intelligence Committee|the Senate Judiciary Committee|the House Judiciary Committee|the House Appropriations Committee|the Senate Appropriations Committee
GBRGOV ; group ; GBR ; GOV ; state ; HM Treasury ; the Exchequer|HM Treasury|Her Majesty's Treasury|the Bank of England
DEUGOV ; group ; DEU ; GOV ; state ; Deutsche Bundesbank ; the Bundesbank|the Deutsche Bundesbank
FRAGOV ; group ; FRA ; GOV ; state ; Banque de France ; the Banque de France|the Bank of France|the Quai d'Orsay
JPNGOV ; group ; JPN ; GOV ; state ; Bank of Japan ; the Bank of Japan|BOJ*|the BOJ*|the Ministry of International Trade and Industry|MITI|the MITI
SUNGOV ; group ; SUN ; GOV ; state ; Soviet state banks (Gosbank, Vneshtorgbank) ; Gosbank|the Gosbank|Vneshtorgbank|the Vneshtorgbank|the Soviet State Bank|the Soviet Bank for Foreign Trade
CHNGOV ; group ; CHN ; GOV ; state ; People's Bank of China ; the People's Bank of China|the PBOC
RUSGOV ; group ; RUS ; GOV ; state ; Central Bank of Russia ; the Central Bank of Russia|the Bank of Russia
"""

ORIGIN_NOTE = {
    "cameo": "CAMEO actor codebook",
    "built": "constructed in CAMEO style",
    "state": "CAMEO convention: state agency coded as country + sector",
}
KINDS = {"igo", "ngo", "group"}


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def expand(form):
    if form.startswith("!the "):
        bases = [form[1:]]
    elif form.startswith("the "):
        bases = [form, form[4:]]
    else:
        bases = [form]
    out = []
    for b in bases:
        out.append(b)
        f = fold(b)
        if f != b:
            out.append(f)
    return out


def main():
    rows = []
    seen = {}
    for line in ENTRIES.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 7:
            sys.exit("bad line: " + line)
        code, kind, country, sector, origin, name, forms = parts
        if kind not in KINDS:
            sys.exit("bad kind: " + line)
        for form in forms.split("|"):
            case_note = ""
            if form.endswith("*"):
                form = form[:-1]
                case_note = "; match case-sensitively (also a common word or abbreviation)"
            for text in expand(form):
                key = text.lower() if not case_note else text
                if key in seen and seen[key] != code:
                    sys.exit("form %r used for %s and %s" % (text, seen[key], code))
                if key in seen:
                    continue
                seen[key] = code
                src = ORIGIN_NOTE[origin] + case_note
                rows.append([code, text, name, kind, country, sector, src])
    kind_order = {"igo": 0, "ngo": 1, "group": 2}
    rows.sort(key=lambda r: (kind_order[r[3]], r[0], r[2], r[1].lower()))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(["code", "text", "name", "kind", "country", "sector", "source"]) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print("igos: %d rows" % len(rows))


if __name__ == "__main__":
    main()
