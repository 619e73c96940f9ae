"""Build agents.tsv: role words that give a CAMEO agent (sector) code.

Each ENTRIES line is   SECTOR ; kind ; word|word|...
kind "person" is a title naming one office holder ("president"),
kind "agent" is a generic group or body ("troops", "the government").
Words are lowercase; singular and plural are listed as separate words.
Sector codes are the CAMEO agent codes (GOV MIL COP LEG JUD REB OPP BUS
MED REF CVL LAB EDU HLH HRI ELI SPY CRM AGR ENV REL NGO PTY UAF).

Re-run with   .venv/bin/python scripts/build_agent_table.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "greatgame", "actors", "data", "agents.tsv")

SECTORS = set("GOV MIL COP LEG JUD REB OPP BUS MED REF CVL LAB EDU HLH HRI ELI SPY "
              "CRM AGR ENV REL NGO PTY UAF".split())

ENTRIES = r"""
GOV ; agent ; government|governments|administration|administrations|cabinet|cabinets|ministry|ministries|authorities|authority|regime|regimes|leadership|officials|official|government officials|government official|senior officials|senior official|leaders|heads of state|heads of government|junta|juntas|military junta|presidency|monarchy|royal court|executive branch
GOV ; agent ; federal government|central government|national government|state government|provincial government|regional government|local government|local authorities|local officials|interim government|transitional government|caretaker government|coalition government|unity government|puppet government|municipality|municipal authorities|city council|city hall|council of ministers|state council|politburo|central committee
GOV ; agent ; foreign ministry|ministry of foreign affairs|foreign affairs ministry|foreign office|state department|department of state|external affairs ministry|ministry of external affairs|embassy|embassies|consulate|consulates|diplomats|diplomatic corps|delegation|delegations|delegates|negotiators|mission to the united nations|envoys|ambassadors|mediators
GOV ; agent ; finance ministry|ministry of finance|treasury|treasury department|economy ministry|ministry of economy|trade ministry|ministry of trade|commerce ministry|commerce department|energy ministry|ministry of energy|oil ministry|health ministry|ministry of health|education ministry|ministry of education|justice ministry|ministry of justice|justice department|agriculture ministry|environment ministry|information ministry|ministry of information|transport ministry|central bank|regulators|civil servants|bureaucrats|politicians|ministers|spokesmen|spokespeople|presidential office|prime minister's office|cabinet office
GOV ; person ; president|prime minister|premier|chancellor|king|queen|monarch|emir|amir|sultan|crown prince|supreme leader|head of state|head of government|leader|minister|foreign minister|foreign secretary|secretary of state|deputy foreign minister|vice foreign minister|vice president|vice-president|deputy prime minister|deputy premier|vice premier|first deputy prime minister|deputy minister|vice minister|junior minister|state minister|minister of state|national security adviser|national security advisor|chief of staff|white house chief of staff|cabinet secretary|chief secretary|finance minister|treasury secretary|economy minister|trade minister|commerce minister|commerce secretary|trade representative|energy minister|oil minister|health minister|health secretary|education minister|justice minister|agriculture minister|environment minister|information minister|transport minister|central bank governor|spokesman|spokeswoman|spokesperson|government spokesman|government spokeswoman|foreign ministry spokesman|foreign ministry spokeswoman|foreign ministry spokesperson|spokesman for the foreign ministry|press secretary|white house press secretary|diplomat|ambassador|envoy|special envoy|special representative|emissary|consul|consul general|charge d'affaires|chargé d'affaires|negotiator|chief negotiator|mediator|mayor|governor|provincial governor|regional governor|secretary-general|secretary general|director general|director-general|commissioner|high commissioner|statesman|politician
MIL ; agent ; military|militaries|army|armies|navy|navies|air force|air forces|troops|soldiers|forces|armed forces|military forces|ground forces|government forces|government troops|regime forces|defence ministry|defense ministry|ministry of defence|ministry of defense|defence department|defense department|department of defense|war ministry|general staff|joint chiefs|high command|military command|military leadership|military officials|military officers|army officers|officer corps|commanders|generals|admirals|marines|paratroopers|special forces|commandos|infantry|artillery|tanks|warplanes|fighter jets|jets|bombers|helicopters|helicopter gunships|gunships|drones|warships|naval vessels|submarines|destroyers|frigates|aircraft carrier|aircraft carriers|coast guard|coastguard|coast guards|national guard|peacekeepers|peacekeeping troops|reservists|conscripts|recruits|sailors|airmen|pilots|snipers|occupation forces|occupying forces|invading forces|allied forces|coalition forces|air defences|air defenses|naval forces|navy ships|military units|battalion|battalions|brigade|brigades|regiment|regiments|military intelligence|warplane|warship|drone|fighter jet|tank
MIL ; person ; soldier|general|commander|military commander|army commander|field commander|admiral|colonel|lieutenant|major general|brigadier|brigadier general|defence minister|defense minister|defence secretary|defense secretary|secretary of defense|war minister|army chief|military chief|defence chief|defense chief|chief of the general staff|chief of general staff|chief of defence staff|chief of the defence staff|chairman of the joint chiefs|chairman of the joint chiefs of staff|commander-in-chief|commander in chief|marine|sailor|pilot|sniper
COP ; agent ; security personnel|police|policemen|police officers|police force|police forces|riot police|national police|federal police|military police|border police|traffic police|security forces|security officials|interior ministry|ministry of interior|ministry of the interior|interior ministry forces|home office|homeland security|border guards|border guard service|border patrol|border agents|customs|customs officials|customs officers|immigration officials|immigration authorities|secret police|gendarmes|gendarmerie|law enforcement|law enforcement agencies|law enforcement officials|counterterrorism police|anti-terrorism police|investigators|detectives|prison guards|prison authorities|prison officials|jailers|guards|security guards|bodyguards|riot squads
COP ; person ; policeman|policewoman|police officer|police chief|police commissioner|interior minister|home secretary|home minister|border guard|detective|investigator|prison guard|sheriff
LEG ; agent ; parliament|parliaments|legislature|legislatures|lawmakers|legislators|congress|senate|senators|congressmen|congresswomen|members of congress|mps|members of parliament|deputies|parliamentarians|lower house|upper house|house of representatives|house of commons|house of lords|chamber of deputies|national assembly|national people's congress|legislative council|legislative assembly|parliamentary committee|senate committee|house committee|congressional committee|parliamentary majority|congressional leaders|congressional republicans|congressional democrats|house republicans|house democrats|senate republicans|senate democrats
LEG ; person ; lawmaker|legislator|senator|congressman|congresswoman|representative|member of congress|mp|member of parliament|parliamentarian|deputy|speaker|parliament speaker|speaker of parliament|house speaker|speaker of the house|senate majority leader|senate minority leader|majority leader|minority leader
JUD ; agent ; court|courts|judiciary|judges|prosecutors|prosecution|supreme court|constitutional court|high court|appeals court|court of appeal|court of appeals|federal court|district court|military court|military tribunal|tribunal|tribunals|criminal court|judicial authorities|justices|magistrates|lawyers|defence lawyers|defense lawyers|attorneys|public prosecutor's office|prosecutor's office|prosecutor general's office
JUD ; person ; judge|prosecutor|public prosecutor|state prosecutor|chief prosecutor|prosecutor general|prosecutor-general|attorney general|attorney-general|chief justice|magistrate|lawyer|attorney|special counsel
REB ; agent ; rebels|insurgents|militants|guerrillas|guerillas|separatists|jihadists|fighters|extremists|terrorists|islamists|mujahideen|secessionists|rebel forces|rebel group|rebel groups|insurgent group|insurgent groups|militant group|militant groups|terrorist group|terrorist groups|terrorist organization|terrorist organisation|jihadist group|jihadist groups|rebel fighters|separatist forces|separatist rebels|rebel movement|armed opposition|insurgency|rebel commanders
REB ; person ; rebel|insurgent|militant|guerrilla|guerilla|separatist|jihadist|fighter|extremist|terrorist|rebel leader|rebel commander|militant leader
OPP ; agent ; opposition|opposition party|opposition parties|opposition groups|opposition group|opposition lawmakers|opposition supporters|opposition leaders|opposition figures|opposition activists|opposition coalition|opposition movement|dissidents|protesters|protestors|demonstrators|activists|pro-democracy activists|pro-democracy protesters|anti-government protesters|anti-government demonstrators|marchers|critics|government critics|exiles
OPP ; person ; opposition leader|opposition figure|dissident|protester|protestor|demonstrator|activist|pro-democracy activist|critic|exile
BUS ; agent ; business|businesses|company|companies|firm|firms|corporation|corporations|multinationals|multinational companies|conglomerate|conglomerates|enterprise|enterprises|state-owned enterprises|state-owned companies|state firms|entrepreneurs|investors|businessmen|businesspeople|business leaders|business community|executives|bank|banks|bankers|lenders|exporters|importers|traders|industry|industries|manufacturers|producers|automakers|carmakers|oil companies|oil company|energy companies|energy company|mining companies|tech companies|technology companies|defence contractors|defense contractors|airline|airlines|shipping companies|shipping company|shipowners|retailers|chamber of commerce|stock exchange|employers|contractors|suppliers|insurers|creditors|bondholders|hedge funds
BUS ; person ; businessman|businesswoman|entrepreneur|investor|banker|executive|chief executive|ceo|chairman of the board|trader|industrialist|contractor
MED ; agent ; media|news media|press|journalists|reporters|correspondents|newspaper|newspapers|state media|state television|state tv|state-run media|state-run television|state radio|state news agency|news agency|news agencies|broadcaster|broadcasters|public broadcaster|television|television station|radio station|tv station|editors|bloggers|commentators|news outlets|media outlets|press corps|photographers
MED ; person ; journalist|reporter|correspondent|editor|editor-in-chief|blogger|commentator|photographer|columnist|anchor|presenter
REF ; agent ; refugees|asylum seekers|asylum-seekers|displaced people|displaced persons|internally displaced people|internally displaced persons|idps|displaced families|migrants|undocumented migrants|economic migrants|evacuees|stateless people|boat people
REF ; person ; refugee|asylum seeker|asylum-seeker|migrant|evacuee|displaced person
CVL ; agent ; civilians|citizens|residents|people|villagers|population|populace|public|general public|locals|inhabitants|townspeople|pilgrims|tourists|passengers|worshippers|worshipers|families|women|children|youths|young people|crowds|crowd|onlookers|bystanders|voters|hostages|detainees|prisoners|captives|settlers|families of victims|victims|survivors|mourners|consumers|taxpayers|householders|tribesmen
CVL ; person ; civilian|citizen|resident|villager|pilgrim|tourist|passenger|worshipper|voter|hostage|detainee|prisoner|captive|settler|victim|survivor|woman|child|man|teenager|youth|tribesman
LAB ; agent ; unions|union|labour unions|labor unions|labour union|labor union|trade unions|trade union|workers|laborers|labourers|employees|strikers|striking workers|miners|dockworkers|dock workers|factory workers|oil workers|steelworkers|transport workers|truckers|truck drivers|civil service unions|teachers' union|teachers union|labour movement|labor movement|labour leaders|labor leaders|union leaders
LAB ; person ; worker|labourer|laborer|employee|striker|miner|union leader|labour leader|labor leader|trade unionist
EDU ; agent ; students|universities|university|colleges|college|schools|school|teachers|academics|professors|scholars|researchers|scientists|student groups|student unions|student union|student activists|school officials|educators|academia|think tank|think tanks
EDU ; person ; student|teacher|academic|professor|scholar|researcher|scientist|educator|university president|lecturer
HLH ; agent ; doctors|hospitals|hospital|nurses|medics|health workers|healthcare workers|health care workers|medical staff|medical workers|paramedics|physicians|surgeons|health officials|health authorities|public health officials|medical teams|ambulance crews|clinics|medical charity
HLH ; person ; doctor|nurse|medic|physician|surgeon|paramedic|health official|chief medical officer
HRI ; agent ; human rights activists|human rights groups|human rights group|human rights organizations|human rights organisations|human rights organization|human rights organisation|rights groups|rights group|rights activists|rights campaigners|human rights defenders|human rights campaigners|human rights lawyers|human rights watchdog|rights watchdog|rights monitors|human rights monitors|human rights commission|ombudsman
HRI ; person ; human rights activist|rights activist|human rights defender|rights campaigner|human rights lawyer
ELI ; agent ; elites|elite|former leaders|former officials|oligarchs|tycoons|celebrities|royal family|royals|aristocracy|nobility|former ministers|former presidents|elder statesmen|dignitaries|billionaires
ELI ; person ; former president|ex-president|former prime minister|ex-prime minister|former premier|former minister|ex-minister|former leader|former chancellor|former foreign minister|oligarch|tycoon|celebrity|billionaire|former dictator|ex-dictator|prince|princess|elder statesman
SPY ; agent ; intelligence services|intelligence service|intelligence agency|intelligence agencies|intelligence officials|intelligence officers|intelligence community|intelligence|spy agency|spy agencies|spies|spy services|secret service|secret services|security service|security services|counterintelligence|counter-intelligence|intelligence operatives|agents|operatives|spymasters
SPY ; person ; spy|spy chief|intelligence chief|intelligence officer|intelligence official|spymaster|agent|operative|double agent|head of intelligence|director of national intelligence
CRM ; agent ; criminals|smugglers|gangs|gang|gangsters|gang members|drug cartels|drug cartel|cartel|cartels|crime syndicates|organized crime|organised crime|mafia|mob|pirates|traffickers|drug traffickers|human traffickers|people smugglers|arms dealers|arms smugglers|kidnappers|bandits|armed bandits|robbers|thieves|looters|poachers|hackers|cybercriminals|drug lords|drug dealers|fraudsters|smuggling networks|criminal gangs|criminal groups|criminal networks
CRM ; person ; criminal|smuggler|gangster|gang leader|pirate|trafficker|drug trafficker|human trafficker|kidnapper|bandit|robber|thief|looter|poacher|hacker|drug lord|drug dealer|fraudster|crime boss|mob boss
AGR ; agent ; farmers|peasants|herders|herdsmen|pastoralists|fishermen|fishers|fishing crews|growers|ranchers|farmworkers|farm workers|agricultural workers|farm unions|farmers' unions|farmers union|landowners|cattle herders|coffee growers|cocoa farmers|rice farmers|wheat farmers
AGR ; person ; farmer|peasant|herder|herdsman|fisherman|grower|rancher|landowner
ENV ; agent ; environmentalists|environmental groups|environmental group|environmental activists|environmental organizations|environmental organisations|green groups|climate activists|climate campaigners|conservationists|conservation groups|ecologists
ENV ; person ; environmentalist|environmental activist|climate activist|conservationist
REL ; agent ; clergy|clerics|church|churches|church leaders|imams|religious leaders|religious authorities|religious groups|priests|bishops|rabbis|monks|nuns|mullahs|ayatollahs|muftis|ulema|catholic church|orthodox church|vatican officials|missionaries|religious scholars|religious police|sangha|clergymen
REL ; person ; cleric|imam|religious leader|priest|bishop|archbishop|cardinal|pope|patriarch|rabbi|chief rabbi|monk|nun|mullah|ayatollah|grand ayatollah|mufti|grand mufti|missionary|pastor|clergyman|dalai lama
NGO ; agent ; aid agency|aid agencies|aid group|aid groups|aid organization|aid organizations|aid organisation|aid organisations|aid workers|charity|charities|humanitarian organizations|humanitarian organisations|humanitarian groups|humanitarian agencies|humanitarian workers|relief agencies|relief groups|relief workers|ngo|ngos|non-governmental organizations|non-governmental organisations|nongovernmental organizations|volunteers|rescue workers|rescuers|civil society|civil society groups|advocacy groups|pressure groups|foundations|watchdog group|monitoring group|election observers|election monitors
NGO ; person ; aid worker|humanitarian worker|relief worker|volunteer|rescue worker|rescuer|election observer|election monitor
PTY ; agent ; ruling party|party|parties|political party|political parties|governing party|ruling coalition|governing coalition|coalition partners|party members|party officials|party leaders|party leadership|party cadres|communist party|party congress|party faithful
PTY ; person ; party leader|party chief|party secretary|party official|party member|general secretary|party chairman|party chairwoman
UAF ; agent ; gunmen|armed men|unidentified gunmen|unknown gunmen|masked gunmen|masked men|assailants|attackers|militia|militias|militiamen|paramilitary|paramilitaries|paramilitary forces|paramilitary groups|armed groups|armed group|armed gangs|armed civilians|vigilantes|death squads|suicide bombers|raiders|mercenaries|armed assailants|unidentified attackers|self-defence groups|self-defense groups|self-defence militias|self-defense militias|tribal militias|tribal fighters|clan militias|warlords|pro-government militias
UAF ; person ; gunman|armed man|assailant|attacker|militiaman|suicide bomber|bomber|warlord|vigilante|shooter|mercenary
"""


def main():
    rows = []
    seen = {}
    for line in ENTRIES.strip().splitlines():
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 3:
            sys.exit("bad line: " + line)
        sector, kind, words = parts
        if sector not in SECTORS or kind not in ("agent", "person"):
            sys.exit("bad sector/kind: " + line)
        for w in words.split("|"):
            w = w.strip()
            if not w:
                continue
            if w != w.lower():
                sys.exit("not lowercase: " + w)
            if w in seen:
                if seen[w] != (sector, kind):
                    print("conflict, keeping first: %r %s vs %s" % (w, seen[w], (sector, kind)))
                continue
            seen[w] = (sector, kind)
            rows.append([w, sector, kind, "CAMEO agent codes; common usage"])
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("text\tsector\tkind\tsource\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print("agents: %d rows" % len(rows))


if __name__ == "__main__":
    main()
