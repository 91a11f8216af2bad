#!/usr/bin/env node
// Builds the synthetic/reference data files in this folder:
//   agencies.json, names.json, places.json, offences.json
// Run: node data-reference/build-reference.mjs   (then: node data-reference/validate.mjs)
//
// Everything here is reference data about *organisations and places* (real public bodies,
// prisons, courts, towns, postcode districts) or *generic pools* (forenames, surnames,
// street names). It contains no real people. Names are combined at random elsewhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------
// Areas (from mappa-areas.csv)
// ---------------------------------------------------------------------------------------
function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

export const areas = parseCsv(readFileSync(join(here, 'mappa-areas.csv'), 'utf8'));
const areaCodes = areas.map((a) => a.code);

// ---------------------------------------------------------------------------------------
// 1. Agencies
// ---------------------------------------------------------------------------------------
// Per area:
//   pdus      Probation Delivery Units (names without the "Probation Service – " prefix / " PDU" suffix)
//   prisons   real HM Prisons physically located in the police-force area
//   las       local authorities with social care / education duties
//   housing   local housing authorities (defaults to las; district councils in two-tier areas)
//   health    NHS mental health trusts / Welsh university health boards
//   yot       youth offending / youth justice services
//   region    Home Office Immigration Enforcement region
const AREA_AGENCIES = {
  AVS: {
    pdus: [
      'Bristol, South Gloucestershire and North Somerset',
      'Bath and North East Somerset',
      'Somerset',
    ],
    prisons: ['HMP Bristol', 'HMP Leyhill', 'HMP & YOI Eastwood Park', 'HMP Ashfield'],
    las: [
      'Bristol City Council',
      'South Gloucestershire Council',
      'North Somerset Council',
      'Bath and North East Somerset Council',
      'Somerset Council',
    ],
    health: ['Avon and Wiltshire Mental Health Partnership NHS Trust', 'Somerset NHS Foundation Trust'],
    yot: [
      'Bristol Youth Justice Service',
      'South Gloucestershire Youth Justice Service',
      'North Somerset Youth Justice Service',
      'Bath and North East Somerset Youth Justice Service',
      'Somerset Youth Justice Service',
    ],
    region: 'South West',
  },
  BED: {
    pdus: ['Bedford and Central Bedfordshire', 'Luton'],
    prisons: ['HMP Bedford'],
    las: ['Bedford Borough Council', 'Central Bedfordshire Council', 'Luton Borough Council'],
    health: ['East London NHS Foundation Trust (Bedfordshire and Luton Mental Health Services)'],
    yot: [
      'Bedford Borough Youth Offending Service',
      'Central Bedfordshire Youth Justice Service',
      'Luton Youth Justice Service',
    ],
    region: 'East of England',
  },
  CAM: {
    pdus: ['Cambridgeshire', 'Peterborough'],
    prisons: ['HMP Littlehey', 'HMP Whitemoor', 'HMP & YOI Peterborough'],
    las: ['Cambridgeshire County Council', 'Peterborough City Council'],
    housing: [
      'Cambridge City Council',
      'Peterborough City Council',
      'Huntingdonshire District Council',
      'Fenland District Council',
    ],
    health: ['Cambridgeshire and Peterborough NHS Foundation Trust'],
    yot: ['Cambridgeshire Youth Justice Service', 'Peterborough Youth Justice Service'],
    region: 'East of England',
  },
  CHE: {
    pdus: ['Cheshire East', 'Cheshire West', 'Warrington and Halton'],
    prisons: ['HMP Risley', 'HMP & YOI Styal', 'HMP & YOI Thorn Cross'],
    las: [
      'Cheshire East Council',
      'Cheshire West and Chester Council',
      'Warrington Borough Council',
      'Halton Borough Council',
    ],
    health: ['Cheshire and Wirral Partnership NHS Foundation Trust', 'Mersey Care NHS Foundation Trust'],
    yot: [
      'Cheshire East Youth Justice Service',
      'Cheshire West Youth Justice Service',
      'Warrington Youth Justice Service',
      'Halton Youth Justice Service',
    ],
    region: 'North West',
  },
  CLE: {
    pdus: ['Redcar, Cleveland and Middlesbrough', 'Stockton and Hartlepool'],
    prisons: ['HMP Holme House', 'HMP Kirklevington Grange'],
    las: [
      'Middlesbrough Council',
      'Redcar and Cleveland Borough Council',
      'Stockton-on-Tees Borough Council',
      'Hartlepool Borough Council',
    ],
    health: ['Tees, Esk and Wear Valleys NHS Foundation Trust'],
    yot: [
      'South Tees Youth Justice Service',
      'Stockton-on-Tees Youth Justice Service',
      'Hartlepool Youth Justice Service',
    ],
    region: 'North East',
  },
  CUM: {
    pdus: ['Cumbria'],
    prisons: ['HMP Haverigg'],
    las: ['Cumberland Council', 'Westmorland and Furness Council'],
    health: ['Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust'],
    yot: ['Cumberland Youth Justice Service', 'Westmorland and Furness Youth Justice Service'],
    region: 'North West',
  },
  DER: {
    pdus: ['Derby City', 'Derbyshire'],
    prisons: ['HMP & YOI Foston Hall', 'HMP Sudbury'],
    las: ['Derby City Council', 'Derbyshire County Council'],
    housing: [
      'Derby City Council',
      'Chesterfield Borough Council',
      'Amber Valley Borough Council',
      'Erewash Borough Council',
    ],
    health: ['Derbyshire Healthcare NHS Foundation Trust'],
    yot: ['Derby Youth Offending Service', 'Derbyshire Youth Offending Service'],
    region: 'East Midlands',
  },
  DEC: {
    pdus: ['Devon and Torbay', 'Plymouth', 'Cornwall and Isles of Scilly'],
    prisons: ['HMP Exeter', 'HMP Channings Wood', 'HMP Dartmoor'],
    las: ['Devon County Council', 'Plymouth City Council', 'Torbay Council', 'Cornwall Council'],
    housing: ['Exeter City Council', 'Plymouth City Council', 'Torbay Council', 'Cornwall Council'],
    health: [
      'Devon Partnership NHS Trust',
      'Livewell Southwest (Plymouth mental health services)',
      'Cornwall Partnership NHS Foundation Trust',
    ],
    yot: [
      'Devon Youth Justice Service',
      'Plymouth Youth Justice Service',
      'Torbay Youth Justice Service',
      'Cornwall Youth Justice Service',
    ],
    region: 'South West',
  },
  DOR: {
    pdus: ['Dorset', 'Bournemouth, Christchurch and Poole'],
    prisons: ['HMP The Verne', 'HMP Guys Marsh', 'HMP & YOI Portland'],
    las: ['Dorset Council', 'Bournemouth, Christchurch and Poole Council'],
    health: ['Dorset HealthCare University NHS Foundation Trust'],
    yot: ['Dorset Combined Youth Justice Service'],
    region: 'South West',
  },
  DUR: {
    pdus: ['County Durham and Darlington'],
    prisons: ['HMP Durham', 'HMP Frankland', 'HMP & YOI Low Newton', 'HMYOI Deerbolt'],
    las: ['Durham County Council', 'Darlington Borough Council'],
    health: ['Tees, Esk and Wear Valleys NHS Foundation Trust'],
    yot: ['County Durham Youth Justice Service', 'Darlington Youth Justice Service'],
    region: 'North East',
  },
  ESS: {
    pdus: ['Essex North', 'Essex South', 'Southend and Thurrock'],
    prisons: ['HMP & YOI Chelmsford'],
    las: ['Essex County Council', 'Southend-on-Sea City Council', 'Thurrock Council'],
    housing: [
      'Chelmsford City Council',
      'Colchester City Council',
      'Basildon Borough Council',
      'Southend-on-Sea City Council',
      'Thurrock Council',
    ],
    health: ['Essex Partnership University NHS Foundation Trust'],
    yot: ['Essex Youth Justice Service', 'Southend Youth Justice Service', 'Thurrock Youth Offending Service'],
    region: 'East of England',
  },
  GLO: {
    pdus: ['Gloucestershire'],
    prisons: [],
    las: ['Gloucestershire County Council'],
    housing: [
      'Gloucester City Council',
      'Cheltenham Borough Council',
      'Stroud District Council',
      'Forest of Dean District Council',
    ],
    health: ['Gloucestershire Health and Care NHS Foundation Trust'],
    yot: ['Gloucestershire Youth Justice Service'],
    region: 'South West',
  },
  GMP: {
    pdus: ['Manchester North', 'Manchester South', 'Salford', 'Bolton', 'Wigan', 'Stockport and Trafford'],
    prisons: ['HMP Manchester', 'HMP Forest Bank', 'HMP & YOI Hindley', 'HMP Buckley Hall'],
    las: [
      'Manchester City Council',
      'Salford City Council',
      'Bolton Council',
      'Wigan Council',
      'Stockport Metropolitan Borough Council',
    ],
    health: ['Greater Manchester Mental Health NHS Foundation Trust', 'Pennine Care NHS Foundation Trust'],
    yot: [
      'Manchester Youth Justice Service',
      'Salford Youth Justice Service',
      'Bolton Youth Justice Service',
      'Wigan Youth Justice Service',
      'Stockport Youth Justice Service',
    ],
    region: 'North West',
  },
  HAM: {
    pdus: ['Southampton, Eastleigh and New Forest', 'Portsmouth', 'North and East Hampshire', 'Isle of Wight'],
    prisons: ['HMP Winchester', 'HMP Isle of Wight'],
    las: [
      'Hampshire County Council',
      'Southampton City Council',
      'Portsmouth City Council',
      'Isle of Wight Council',
    ],
    housing: [
      'Southampton City Council',
      'Portsmouth City Council',
      'Isle of Wight Council',
      'Basingstoke and Deane Borough Council',
      'Winchester City Council',
    ],
    health: ['Southern Health NHS Foundation Trust', 'Solent NHS Trust', 'Isle of Wight NHS Trust'],
    yot: [
      'Hampshire Youth Justice Service',
      'Southampton Youth Justice Service',
      'Portsmouth Youth Justice Service',
      'Isle of Wight Youth Justice Service',
    ],
    region: 'South East',
  },
  HER: {
    pdus: ['Hertfordshire'],
    prisons: ['HMP The Mount'],
    las: ['Hertfordshire County Council'],
    housing: [
      'Watford Borough Council',
      'St Albans City and District Council',
      'Stevenage Borough Council',
      'Dacorum Borough Council',
    ],
    health: ['Hertfordshire Partnership University NHS Foundation Trust'],
    yot: ['Hertfordshire Youth Justice Service'],
    region: 'East of England',
  },
  HUM: {
    pdus: ['Hull and East Riding', 'North and North East Lincolnshire'],
    prisons: ['HMP Hull', 'HMP Humber', 'HMP Full Sutton', 'HMP Millsike'],
    las: [
      'Hull City Council',
      'East Riding of Yorkshire Council',
      'North Lincolnshire Council',
      'North East Lincolnshire Council',
    ],
    health: [
      'Humber Teaching NHS Foundation Trust',
      'Rotherham Doncaster and South Humber NHS Foundation Trust',
    ],
    yot: [
      'Hull Youth Justice Service',
      'East Riding Youth Justice Service',
      'North Lincolnshire Youth Justice Service',
      'North East Lincolnshire Youth Offending Service',
    ],
    region: 'Yorkshire and the Humber',
  },
  KEN: {
    pdus: ['Kent East', 'Kent West', 'Kent North and Medway'],
    prisons: [
      'HMP Elmley',
      'HMP Swaleside',
      'HMP Standford Hill',
      'HMP Maidstone',
      'HMP & YOI Rochester',
      'HMP Cookham Wood',
      'HMP & YOI East Sutton Park',
    ],
    las: ['Kent County Council', 'Medway Council'],
    housing: [
      'Maidstone Borough Council',
      'Canterbury City Council',
      'Thanet District Council',
      'Medway Council',
      'Dartford Borough Council',
    ],
    health: ['Kent and Medway Mental Health NHS Trust'],
    yot: ['Kent Youth Justice Service', 'Medway Youth Justice Service'],
    region: 'South East',
  },
  LAN: {
    pdus: ['Central Lancashire', 'East Lancashire', 'North Lancashire', 'Blackpool'],
    prisons: ['HMP Preston', 'HMP Lancaster Farms', 'HMP Kirkham', 'HMP Garth', 'HMP Wymott'],
    las: ['Lancashire County Council', 'Blackpool Council', 'Blackburn with Darwen Borough Council'],
    housing: [
      'Preston City Council',
      'Lancaster City Council',
      'Blackpool Council',
      'Blackburn with Darwen Borough Council',
      'Burnley Borough Council',
    ],
    health: ['Lancashire & South Cumbria NHS Foundation Trust'],
    yot: [
      'Lancashire Youth Justice Service',
      'Blackpool Youth Justice Service',
      'Blackburn with Darwen Youth Justice Service',
    ],
    region: 'North West',
  },
  LEI: {
    pdus: ['Leicester City', 'Leicestershire and Rutland'],
    prisons: ['HMP Leicester', 'HMP Gartree', 'HMP Stocken', 'HMP Fosse Way'],
    las: ['Leicester City Council', 'Leicestershire County Council', 'Rutland County Council'],
    housing: [
      'Leicester City Council',
      'Charnwood Borough Council',
      'Hinckley and Bosworth Borough Council',
      'Rutland County Council',
    ],
    health: ['Leicestershire Partnership NHS Trust'],
    yot: ['Leicester City Youth Justice Service', 'Leicestershire Youth Justice Service'],
    region: 'East Midlands',
  },
  LIN: {
    pdus: ['Lincolnshire East', 'Lincolnshire West'],
    prisons: ['HMP Lincoln', 'HMP North Sea Camp', 'HMP Morton Hall'],
    las: ['Lincolnshire County Council'],
    housing: [
      'City of Lincoln Council',
      'Boston Borough Council',
      'North Kesteven District Council',
      'East Lindsey District Council',
    ],
    health: ['Lincolnshire Partnership NHS Foundation Trust'],
    yot: ['Lincolnshire Youth Offending Service'],
    region: 'East Midlands',
  },
  LON: {
    pdus: [
      'Barking, Dagenham and Havering',
      'Barnet, Brent and Enfield',
      'Camden and Islington',
      'Croydon',
      'Ealing and Hillingdon',
      'Greenwich and Bexley',
      'Hackney and City',
      'Lambeth',
      'Southwark',
      'Tower Hamlets',
      'Westminster, Kensington and Chelsea, Hammersmith and Fulham',
    ],
    prisons: [
      'HMP Wandsworth',
      'HMP Pentonville',
      'HMP Belmarsh',
      'HMP Brixton',
      'HMP Wormwood Scrubs',
      'HMP Thameside',
      'HMP & YOI Isis',
      'HMP High Down',
      'HMP & YOI Downview',
      'HMYOI Feltham',
    ],
    las: [
      'Westminster City Council',
      'London Borough of Camden',
      'London Borough of Islington',
      'London Borough of Hackney',
      'London Borough of Tower Hamlets',
      'London Borough of Newham',
      'London Borough of Lambeth',
      'London Borough of Southwark',
      'London Borough of Croydon',
      'London Borough of Brent',
      'London Borough of Ealing',
      'Royal Borough of Greenwich',
    ],
    health: [
      'South London and Maudsley NHS Foundation Trust',
      'East London NHS Foundation Trust',
      'Central and North West London NHS Foundation Trust',
      'North London NHS Foundation Trust',
      'West London NHS Trust',
      'Oxleas NHS Foundation Trust',
      "South West London and St George's Mental Health NHS Trust",
      'North East London NHS Foundation Trust',
    ],
    yot: [
      'Westminster Youth Justice Service',
      'Camden Youth Justice Service',
      'Islington Youth Justice Service',
      'Hackney Youth Justice Service',
      'Tower Hamlets Youth Justice Service',
      'Newham Youth Justice Service',
      'Lambeth Youth Justice Service',
      'Southwark Youth Justice Service',
      'Croydon Youth Justice Service',
      'Brent Youth Justice Service',
      'Ealing Youth Justice Service',
      'Greenwich Youth Justice Service',
    ],
    region: 'London',
  },
  MER: {
    pdus: ['Liverpool North', 'Liverpool South', 'Sefton', 'Wirral', 'Knowsley and St Helens'],
    prisons: ['HMP Liverpool', 'HMP Altcourse'],
    las: [
      'Liverpool City Council',
      'Sefton Council',
      'Wirral Council',
      'Knowsley Council',
      'St Helens Borough Council',
    ],
    health: ['Mersey Care NHS Foundation Trust', 'Cheshire and Wirral Partnership NHS Foundation Trust'],
    yot: [
      'Liverpool Youth Justice Service',
      'Sefton Youth Justice Service',
      'Wirral Youth Justice Service',
      'Knowsley Youth Justice Service',
      'St Helens Youth Justice Service',
    ],
    region: 'North West',
  },
  NOR: {
    pdus: ['Norfolk'],
    prisons: ['HMP & YOI Norwich', 'HMP Wayland', 'HMP Bure'],
    las: ['Norfolk County Council'],
    housing: [
      'Norwich City Council',
      'Great Yarmouth Borough Council',
      "Borough Council of King's Lynn and West Norfolk",
      'Breckland Council',
    ],
    health: ['Norfolk and Suffolk NHS Foundation Trust'],
    yot: ['Norfolk Youth Justice Service'],
    region: 'East of England',
  },
  NYO: {
    pdus: ['North Yorkshire', 'York'],
    prisons: ['HMP & YOI Askham Grange'],
    las: ['North Yorkshire Council', 'City of York Council'],
    health: ['Tees, Esk and Wear Valleys NHS Foundation Trust'],
    yot: ['North Yorkshire Youth Justice Service', 'York Youth Justice Service'],
    region: 'Yorkshire and the Humber',
  },
  NTH: {
    pdus: ['Northamptonshire'],
    prisons: ['HMP Five Wells'],
    las: ['North Northamptonshire Council', 'West Northamptonshire Council'],
    health: ['Northamptonshire Healthcare NHS Foundation Trust'],
    yot: ['Northamptonshire Youth Offending Service'],
    region: 'East Midlands',
  },
  NUM: {
    pdus: ['Newcastle', 'Northumberland and North Tyneside', 'Gateshead and South Tyneside', 'Sunderland'],
    prisons: ['HMP Northumberland'],
    las: [
      'Newcastle City Council',
      'Northumberland County Council',
      'Gateshead Council',
      'Sunderland City Council',
      'South Tyneside Council',
    ],
    health: ['Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust'],
    yot: [
      'Newcastle Youth Justice Service',
      'Northumberland Youth Justice Service',
      'Gateshead Youth Justice Service',
      'Sunderland Youth Justice Service',
      'South Tyneside Youth Justice Service',
    ],
    region: 'North East',
  },
  NOT: {
    pdus: ['Nottingham City', 'Nottinghamshire'],
    prisons: ['HMP Nottingham', 'HMP Whatton', 'HMP Lowdham Grange', 'HMP Ranby'],
    las: ['Nottingham City Council', 'Nottinghamshire County Council'],
    housing: [
      'Nottingham City Council',
      'Mansfield District Council',
      'Ashfield District Council',
      'Newark and Sherwood District Council',
    ],
    health: ['Nottinghamshire Healthcare NHS Foundation Trust'],
    yot: ['Nottingham City Youth Justice Service', 'Nottinghamshire Youth Justice Service'],
    region: 'East Midlands',
  },
  SYO: {
    pdus: ['Sheffield', 'Rotherham', 'Doncaster', 'Barnsley'],
    prisons: ['HMP & YOI Doncaster', 'HMP Lindholme', 'HMP Hatfield', 'HMP & YOI Moorland'],
    las: [
      'Sheffield City Council',
      'Rotherham Metropolitan Borough Council',
      'City of Doncaster Council',
      'Barnsley Metropolitan Borough Council',
    ],
    health: [
      'Sheffield Health and Social Care NHS Foundation Trust',
      'Rotherham Doncaster and South Humber NHS Foundation Trust',
      'South West Yorkshire Partnership NHS Foundation Trust',
    ],
    yot: [
      'Sheffield Youth Justice Service',
      'Rotherham Youth Justice Service',
      'Doncaster Youth Justice Service',
      'Barnsley Youth Justice Service',
    ],
    region: 'Yorkshire and the Humber',
  },
  STA: {
    pdus: ['Stoke-on-Trent and North Staffordshire', 'South Staffordshire'],
    prisons: [
      'HMP Dovegate',
      'HMP & YOI Drake Hall',
      'HMP Featherstone',
      'HMP Oakwood',
      'HMP Stafford',
      'HMP & YOI Swinfen Hall',
      'HMYOI Werrington',
      'HMP & YOI Brinsford',
    ],
    las: ['Staffordshire County Council', 'Stoke-on-Trent City Council'],
    housing: [
      'Stoke-on-Trent City Council',
      'Stafford Borough Council',
      'Newcastle-under-Lyme Borough Council',
      'Cannock Chase District Council',
      'East Staffordshire Borough Council',
    ],
    health: [
      'Midlands Partnership University NHS Foundation Trust',
      'North Staffordshire Combined Healthcare NHS Trust',
    ],
    yot: ['Staffordshire Youth Offending Service', 'Stoke-on-Trent Youth Justice Service'],
    region: 'West Midlands',
  },
  SUF: {
    pdus: ['Suffolk'],
    prisons: ['HMP Highpoint', 'HMP & YOI Hollesley Bay', 'HMP Warren Hill'],
    las: ['Suffolk County Council'],
    housing: ['Ipswich Borough Council', 'East Suffolk Council', 'West Suffolk Council'],
    health: ['Norfolk and Suffolk NHS Foundation Trust'],
    yot: ['Suffolk Youth Justice Service'],
    region: 'East of England',
  },
  SUR: {
    pdus: ['Surrey'],
    prisons: ['HMP & YOI Bronzefield', 'HMP Coldingley', 'HMP Send'],
    las: ['Surrey County Council'],
    housing: [
      'Guildford Borough Council',
      'Woking Borough Council',
      'Reigate and Banstead Borough Council',
      'Spelthorne Borough Council',
      'Elmbridge Borough Council',
    ],
    health: ['Surrey and Borders Partnership NHS Foundation Trust'],
    yot: ['Surrey Youth Justice Service'],
    region: 'South East',
  },
  SUS: {
    pdus: ['Brighton and Hove', 'East Sussex', 'West Sussex'],
    prisons: ['HMP Lewes', 'HMP Ford'],
    las: ['Brighton & Hove City Council', 'East Sussex County Council', 'West Sussex County Council'],
    housing: [
      'Brighton & Hove City Council',
      'Hastings Borough Council',
      'Eastbourne Borough Council',
      'Crawley Borough Council',
      'Worthing Borough Council',
    ],
    health: ['Sussex Partnership NHS Foundation Trust'],
    yot: [
      'Brighton & Hove Youth Justice Service',
      'East Sussex Youth Justice Service',
      'West Sussex Youth Justice Service',
    ],
    region: 'South East',
  },
  TVP: {
    pdus: ['Oxfordshire', 'Buckinghamshire and Milton Keynes', 'Berkshire West', 'Berkshire East'],
    prisons: [
      'HMYOI Aylesbury',
      'HMP Bullingdon',
      'HMP Grendon',
      'HMP Springhill',
      'HMP Huntercombe',
      'HMP Woodhill',
    ],
    las: [
      'Oxfordshire County Council',
      'Buckinghamshire Council',
      'Milton Keynes City Council',
      'Reading Borough Council',
      'Slough Borough Council',
    ],
    health: [
      'Oxford Health NHS Foundation Trust',
      'Berkshire Healthcare NHS Foundation Trust',
      'Central and North West London NHS Foundation Trust (Milton Keynes)',
    ],
    yot: [
      'Oxfordshire Youth Justice and Exploitation Service',
      'Buckinghamshire Youth Justice Service',
      'Milton Keynes Youth Justice Service',
      'Reading Youth Justice Service',
      'Slough Youth Justice Service',
    ],
    region: 'South East',
  },
  WAR: {
    pdus: ['Warwickshire'],
    prisons: ['HMP Onley', 'HMP Rye Hill'],
    las: ['Warwickshire County Council'],
    housing: [
      'Nuneaton and Bedworth Borough Council',
      'Rugby Borough Council',
      'Warwick District Council',
      'Stratford-on-Avon District Council',
    ],
    health: ['Coventry and Warwickshire Partnership NHS Trust'],
    yot: ['Warwickshire Youth Justice Service'],
    region: 'West Midlands',
  },
  WME: {
    pdus: ['Worcestershire', 'Herefordshire, Shropshire and Telford'],
    prisons: ['HMP Hewell', 'HMP Long Lartin', 'HMP Stoke Heath'],
    las: ['Worcestershire County Council', 'Herefordshire Council', 'Shropshire Council', 'Telford & Wrekin Council'],
    housing: [
      'Worcester City Council',
      'Wyre Forest District Council',
      'Redditch Borough Council',
      'Herefordshire Council',
      'Shropshire Council',
      'Telford & Wrekin Council',
    ],
    health: [
      'Herefordshire and Worcestershire Health and Care NHS Trust',
      'Midlands Partnership University NHS Foundation Trust (Shropshire, Telford and Wrekin)',
    ],
    yot: ['West Mercia Youth Justice Service'],
    region: 'West Midlands',
  },
  WMI: {
    pdus: [
      'Birmingham Central and South',
      'Birmingham North, East and Solihull',
      'Coventry',
      'Dudley and Sandwell',
      'Walsall and Wolverhampton',
    ],
    prisons: ['HMP Birmingham'],
    las: [
      'Birmingham City Council',
      'Coventry City Council',
      'City of Wolverhampton Council',
      'Sandwell Metropolitan Borough Council',
      'Walsall Council',
    ],
    health: [
      'Birmingham and Solihull Mental Health NHS Foundation Trust',
      'Black Country Healthcare NHS Foundation Trust',
      'Coventry and Warwickshire Partnership NHS Trust',
    ],
    yot: [
      'Birmingham Youth Justice Service',
      'Coventry Youth Justice Service',
      'Wolverhampton Youth Justice Service',
      'Sandwell Youth Justice Service',
      'Walsall Youth Justice Service',
    ],
    region: 'West Midlands',
  },
  WYO: {
    pdus: ['Leeds', 'Bradford and Calderdale', 'Kirklees', 'Wakefield'],
    prisons: ['HMP Leeds', 'HMP Wakefield', 'HMP & YOI New Hall', 'HMP Wealstun', 'HMYOI Wetherby'],
    las: [
      'Leeds City Council',
      'City of Bradford Metropolitan District Council',
      'Kirklees Council',
      'Calderdale Council',
      'Wakefield Council',
    ],
    health: [
      'Leeds and York Partnership NHS Foundation Trust',
      'Bradford District Care NHS Foundation Trust',
      'South West Yorkshire Partnership NHS Foundation Trust',
    ],
    yot: [
      'Leeds Youth Justice Service',
      'Bradford Youth Justice Service',
      'Kirklees Youth Justice Service',
      'Calderdale Youth Justice Service',
      'Wakefield Youth Justice Service',
    ],
    region: 'Yorkshire and the Humber',
  },
  WIL: {
    pdus: ['Swindon and Wiltshire'],
    prisons: ['HMP Erlestoke'],
    las: ['Wiltshire Council', 'Swindon Borough Council'],
    health: ['Avon and Wiltshire Mental Health Partnership NHS Trust'],
    yot: ['Wiltshire Youth Justice Service', 'Swindon Youth Justice Service'],
    region: 'South West',
  },
  DYP: {
    pdus: ['Dyfed-Powys'],
    prisons: [],
    las: [
      'Carmarthenshire County Council',
      'Pembrokeshire County Council',
      'Ceredigion County Council',
      'Powys County Council',
    ],
    health: ['Hywel Dda University Health Board', 'Powys Teaching Health Board'],
    yot: [
      'Carmarthenshire Youth Justice Service',
      'Pembrokeshire Youth Justice Service',
      'Ceredigion Youth Justice Service',
      'Powys Youth Justice Service',
    ],
    region: 'Wales',
  },
  GWE: {
    pdus: ['Gwent'],
    prisons: ['HMP Usk', 'HMP Prescoed'],
    las: [
      'Newport City Council',
      'Caerphilly County Borough Council',
      'Torfaen County Borough Council',
      'Monmouthshire County Council',
      'Blaenau Gwent County Borough Council',
    ],
    health: ['Aneurin Bevan University Health Board'],
    yot: [
      'Newport Youth Justice Service',
      'Caerphilly Youth Justice Service',
      'Torfaen and Monmouthshire Youth Justice Service',
      'Blaenau Gwent Youth Justice Service',
    ],
    region: 'Wales',
  },
  NWA: {
    pdus: ['North Wales'],
    prisons: ['HMP Berwyn'],
    las: [
      'Wrexham County Borough Council',
      'Flintshire County Council',
      'Conwy County Borough Council',
      'Denbighshire County Council',
      'Gwynedd Council',
      'Isle of Anglesey County Council',
    ],
    health: ['Betsi Cadwaladr University Health Board'],
    yot: [
      'Wrexham Youth Justice Service',
      'Flintshire Youth Justice Service',
      'Conwy and Denbighshire Youth Justice Service',
      'Gwynedd and Anglesey Youth Justice Service',
    ],
    region: 'Wales',
  },
  SWA: {
    pdus: ['Cardiff and Vale', 'Cwm Taf Morgannwg', 'Swansea, Neath Port Talbot'],
    prisons: ['HMP Cardiff', 'HMP Swansea', 'HMP & YOI Parc'],
    las: [
      'Cardiff Council',
      'City and County of Swansea Council',
      'Rhondda Cynon Taf County Borough Council',
      'Bridgend County Borough Council',
      'Neath Port Talbot Council',
      'Vale of Glamorgan Council',
    ],
    health: [
      'Cardiff and Vale University Health Board',
      'Swansea Bay University Health Board',
      'Cwm Taf Morgannwg University Health Board',
    ],
    yot: [
      'Cardiff Youth Justice Service',
      'Western Bay Youth Justice Service (Swansea)',
      'Rhondda Cynon Taf Youth Justice Service',
      'Bridgend Youth Justice Service',
      'Vale of Glamorgan Youth Justice Service',
    ],
    region: 'Wales',
  },
};

const EM_PROVIDER = 'Electronic Monitoring Service (Serco)';
const DASH = '\u2013'; // en dash, as used in agency names: "Bristol City Council – Children's Services"

function buildAgencies() {
  const out = {};
  for (const a of areas) {
    const cfg = AREA_AGENCIES[a.code];
    if (!cfg) throw new Error(`no agency config for ${a.code}`);
    const list = [];
    const add = (type, name) => list.push({ area: a.code, type, name });
    for (const f of a.police_forces.split(';').map((s) => s.trim())) add('police', f);
    for (const p of cfg.pdus) add('probation', `Probation Service ${DASH} ${p} PDU`);
    for (const p of cfg.prisons) add('prison', p);
    for (const la of cfg.las) add('childrens_social_care', `${la} ${DASH} Children's Services`);
    for (const la of cfg.las) add('adult_social_care', `${la} ${DASH} Adult Social Care`);
    for (const h of cfg.health) add('health', h);
    for (const la of cfg.housing ?? cfg.las) add('housing', `${la} ${DASH} Housing Options`);
    for (const y of cfg.yot) add('yot', y);
    add('jobcentre_plus', `Jobcentre Plus ${DASH} ${a.area}`);
    for (const la of cfg.las) add('education', `${la} ${DASH} Education Services`);
    add('electronic_monitoring', EM_PROVIDER);
    add('immigration', `Home Office Immigration Enforcement ${DASH} ${cfg.region}`);
    out[a.code] = list;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// 2. Names
// ---------------------------------------------------------------------------------------
// Compact "Name:weight" lists; a bare name takes the weight of its tier.
// Weights are approximate relative frequencies (roughly per 100,000 of the relevant
// population); only their ratios matter.
function pool(tiers) {
  const seen = new Map();
  for (const [weight, text] of tiers) {
    for (const raw of text.split(',')) {
      const item = raw.trim();
      if (!item) continue;
      const m = /^(.*?)(?::(\d+))?$/.exec(item);
      const name = m[1].trim();
      const w = m[2] ? Number(m[2]) : weight;
      if (!seen.has(name)) seen.set(name, w);
    }
  }
  return [...seen.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

// Men born 1950–2005 (the MAPPA population is ~97% male, median age ~40s).
const MALE = pool([
  [
    0,
    `David:1000, John:950, Michael:900, Paul:850, Mark:820, James:800, Andrew:760, Christopher:650,
     Robert:600, Stephen:600, Daniel:600, Richard:580, Peter:550, Matthew:550, Thomas:460, Anthony:450,
     Gary:450, Ian:400, Steven:400, Simon:350, Kevin:350, Martin:350, Darren:350, Lee:350, William:300,
     Craig:300, Jason:300, Neil:300, Adam:300, Ryan:300, Carl:250, Wayne:250, Scott:250, Jamie:250,
     Luke:250, Liam:250, Alan:250, Philip:250, Jonathan:250, Dean:220`,
  ],
  [
    0,
    `Shaun:200, Nicholas:200, Joseph:200, Benjamin:200, Samuel:200, Joshua:200, Jack:200, Nathan:200,
     George:200, Keith:200, Brian:200, Graham:200, Stuart:200, Alexander:180, Colin:180, Patrick:150,
     Sean:150, Lewis:150, Jordan:150, Connor:150, Timothy:150, Gareth:150, Barry:150, Ben:150,
     Mohammed:150, Callum:130, Bradley:130, Aaron:130, Kieran:120, Jake:120, Ashley:120, Trevor:120,
     Nigel:120, Adrian:120, Tony:100, Danny:100, Raymond:100, Roger:100, Malcolm:100, Russell:100,
     Gavin:100, Terence:100, Kyle:100, Shane:100, Muhammad:100, Edward:100, Harry:100, Terry:80,
     Kenneth:80, Derek:80, Glen:80, Karl:80, Rhys:80, Tom:80, Joe:80, Charlie:80, Oliver:80, Alex:80,
     Dale:80`,
  ],
  [
    60,
    `Reece, Dylan, Marc, Jay, Billy, Leon, Dominic, Geoffrey, Phillip, Jeremy, Julian, Ross, Jacob, Ethan,
     Tyler, Sam, Steve, Robin, Elliot, Wesley, Warren, Damian, Owen, Cameron, Marcus, Ricky, Louis`,
  ],
  [
    40,
    `Christian, Curtis, Damien, Declan, Alistair, Brendan, Ciaran, Duncan, Douglas, Donald, Francis, Eric,
     Howard, Frank, Guy, Toby, Max, Henry, Harvey, Jon, Mohammad, Ahmed, Ali, Imran, Roy, Leslie, Bernard,
     Gerard, Gerald, Mathew, Antony, Norman, Jeffrey, Graeme, Lawrence, Darryl`,
  ],
  [
    25,
    `Vincent, Victor, Leonard, Arthur, Hugh, Ralph, Mitchell, Bobby, Louie, Niall, Euan, Fraser, Stanley,
     Neville, Clifford, Asif, Tariq, Amir, Hassan, Bilal, Omar, Ibrahim, Adil, Kamran, Zubair, Rizwan,
     Faisal, Shahid, Nadeem, Sajid, Wasim, Abdul, Mustafa, Leroy, Delroy, Winston, Desmond, Tyrone, Errol,
     Clinton, Marlon, Dafydd, Huw, Aled, Owain, Geraint, Rhodri, Gethin, Iwan, Ieuan, Emyr, Gwyn`,
  ],
  [
    15,
    `Piotr, Tomasz, Marcin, Krzysztof, Paweł, Łukasz, Michał, Marek, Andrzej, Mateusz, Andrei, Ionut, Florin,
     Mihai, Tomas, Mindaugas, Gurpreet, Harjit, Sandeep, Rajesh, Sunil, Vijay, Amit, Sanjay, Jaswinder,
     Kulvinder, Manjit, Yusuf, Abdi, Abdullahi, Mohamed, Kwame, Kofi, Emeka, Chinedu, Oluwaseun, Tunde,
     Samuel, Hamish, Angus, Murray, Rodney, Albert, Walter, Harold, Ernest, Dennis, Gordon, Clive, Archie,
     Alfie, Frederick, Rupert, Giles, Oscar, Troy, Elliott, Kai, Reuben, Ashraf, Jahangir, Abu, Shafiq,
     Rahul, Deepak, Nikhil, Hardeep, Balvinder, Ravinder, Lloyd, Trevon, Jermaine, Dwayne, Garfield`,
  ],
]);

// Women (a small share of the MAPPA population, but also partners, victims, staff).
const FEMALE = pool([
  [
    0,
    `Sarah:900, Susan:800, Karen:750, Julie:700, Lisa:700, Claire:650, Emma:650, Nicola:600, Helen:600,
     Amanda:550, Michelle:550, Deborah:500, Jacqueline:450, Elizabeth:450, Margaret:400, Patricia:350,
     Christine:400, Linda:400, Janet:350, Carol:350, Gillian:300, Tracey:350, Joanne:400, Rachel:450,
     Louise:450, Rebecca:450, Laura:450, Jennifer:350, Jessica:300, Hannah:300, Charlotte:300, Sophie:250,
     Amy:300, Gemma:300, Kelly:300, Samantha:350, Victoria:350, Katherine:250, Catherine:250, Stephanie:250,
     Natalie:250, Lauren:250, Danielle:250, Kerry:200, Leanne:200, Donna:250, Dawn:200, Angela:300,
     Alison:300, Sharon:300, Wendy:200, Lorraine:200, Jane:300, Anne:250`,
  ],
  [
    100,
    `Mary, Barbara, Pauline, Sandra, Beverley, Diane, Denise, Maria, Caroline, Fiona, Joanna, Lucy, Katie,
     Jade, Stacey, Chloe, Megan, Zoe, Kirsty, Kate, Anna, Hayley, Tracy, Julia, Melanie, Paula, Tina,
     Sally, Teresa, Lynn, Elaine, Ruth, Emily, Jodie, Kim, Yvonne, Heather, Lesley, Marie`,
  ],
  [
    50,
    `Ann, Jean, Shannon, Georgia, Amber, Sian, Rhian, Bethan, Siobhan, Kathleen, Eileen, Maureen, Shirley,
     Valerie, Sheila, Brenda, Hazel, Vanessa, Theresa, Lynne, Carole, Irene, Rosemary, Frances, Judith,
     Eleanor, Olivia, Grace, Ellie, Holly, Abigail, Bethany, Jasmine, Natasha, Tanya, Keeley, Carly,
     Kayleigh, Lindsey, Jenna, Toni, Leah, Abbie, Rosie, Molly, Ella, Simone`,
  ],
  [
    20,
    `Ffion, Cerys, Catrin, Nia, Eleri, Aoife, Niamh, Bridget, Nadia, Aisha, Fatima, Ayesha, Amina, Nasreen,
     Shazia, Samina, Parveen, Rukhsana, Priya, Sunita, Anita, Harpreet, Manpreet, Simran, Kavita, Agnieszka,
     Katarzyna, Magdalena, Ewa, Monika, Marta, Ioana, Elena, Andreea, Precious, Blessing, Abena, Ngozi,
     Funmilayo, Marcia, Sonia, Jacinta, Charmaine, Isabel, Eve, Sadia, Farzana, Halima, Hodan, Fadumo`,
  ],
]);

const SURNAMES = pool([
  [
    0,
    `Smith:1150, Jones:900, Williams:640, Taylor:490, Brown:480, Davies:460, Evans:370, Wilson:340,
     Thomas:330, Johnson:310, Roberts:310, Robinson:260, Thompson:260, Wright:250, Walker:240, White:230,
     Edwards:230, Hughes:220, Green:220, Hall:220, Lewis:220, Harris:210, Clarke:210, Patel:210,
     Jackson:200, Wood:190, Turner:180, Martin:180, Cooper:180, Hill:180, Ward:170, Morris:170, Moore:170,
     Clark:170, Lee:160, King:160, Baker:160, Harrison:160, Morgan:160, Allen:150, James:150, Scott:150,
     Phillips:140, Watson:140, Davis:140, Parker:140, Price:130, Bennett:130, Young:130, Griffiths:130,
     Mitchell:130, Kelly:130, Cook:130, Carter:130, Richardson:120, Bailey:120, Collins:120, Bell:120,
     Shaw:120, Murphy:120, Miller:120, Cox:110, Richards:110, Khan:110, Marshall:110, Anderson:110,
     Simpson:110, Ellis:110, Adams:110, Singh:110, Begum:100, Wilkinson:100, Foster:100, Chapman:100,
     Powell:100, Webb:100, Rogers:100, Gray:100, Mason:100, Ali:100, Hunt:100, Hussain:100, Campbell:100,
     Matthews:100, Owen:100, Palmer:100, Holmes:95, Mills:95, Barnes:95, Knight:95, Lloyd:95, Butler:95,
     Russell:95, Barker:90, Fisher:90, Stevens:90, Jenkins:90, Murray:90, Dixon:90, Harvey:90`,
  ],
  [
    80,
    `Graham, Pearson, Ahmed, Fletcher, Walsh, Kaur, Gibson, Howard, Andrews, Stewart, Elliott, Reynolds,
     Saunders, Payne, Fox, Ford, Pearce, Day, Brooks, West, Lawrence, Cole, Atkinson, Bradley, Spencer,
     Gill, Dawson, Ball, Burton, O'Brien, Watts, Rose, Booth, Perry, Ryan, Grant, Wells, Armstrong,
     Francis, Rees`,
  ],
  [
    65,
    `Hayes, Hart, Hudson, Newman, Barrett, Webster, Hunter, Gregory, Carr, Lowe, Page, Marsh, Riley, Dunn,
     Woods, Parsons, Berry, Stone, Reid, Holland, Hawkins, Harding, Porter, Robertson, Newton, Oliver, Reed,
     Kennedy, Williamson, Bird, Gardner, Shah, Dean, Lane, Cooke, Bates, Henderson, Parry, Burgess, Bishop,
     Walton, Burns, Nicholson, Shepherd, Ross, Cross, Long, Freeman, Warren, Nicholls, Hamilton, Byrne,
     Sutton, McDonald, Yates, Hodgson, Robson, Curtis, Hopkins, O'Connor, Harper, Coleman, Watkins, Moss,
     McCarthy, Chambers, O'Neill, Griffin, Sharp, Hardy, Wheeler, Potter, Osborne, Johnston, Gordon, Doyle,
     Wallace, George, Jordan, Hutchinson, Rowe, Burke, May, Pritchard, Gilbert, Willis, Higgins, Read,
     Miah, Stephens, Arnold`,
  ],
  [
    45,
    `Fowler, Sanders, Lynch, Quinn, Barber, Lamb, Howells, Slater, Sinclair, Hewitt, Buckley, Kerr, Norris,
     Thornton, Schofield, Kirby, Hammond, Moran, Bowen, Vaughan, Pugh, Bryant, Black, Boyle, Mann,
     Cunningham, Duncan, Jennings, Todd, Fraser, Frost, Ferguson, Sheppard, Cartwright, Tucker, Wong,
     Rahman, Islam, Uddin, Akhtar, Iqbal, Mahmood, Mohammed, Sharma, Kumar, Hassan, Malik, Henry, Thomson,
     Horton, Cameron, Dobson, Lord, Bond, Welch, Barlow, Nash, Lucas, Gough, Hobbs, Reeves, Abbott, Steele,
     Morrison, Douglas, Pike, Kay, Hancock, Glover, Baxter, Gallagher, Charlton, Farrell, Flynn, Brennan,
     Duffy, Connolly, Regan, Daly, Carroll, Hanson, Field, Jarvis, Houghton, Wade, Pollard, Sykes,
     Whitehead, Bruce, Hurst, Banks, Bartlett, Goodwin, Wyatt, Austin, Moody, Mellor, Fleming, Rowley,
     Humphreys, Tomlinson, Goddard, Skinner, Gibbs, Sullivan, Ashton, Nelson`,
  ],
  [
    30,
    `Rowlands, Meredith, Llewellyn, Prosser, Probert, Bevan, Gwynne, Maddocks, Pryce, Mathias, Howell,
     Kavanagh, Sweeney, McLaughlin, Nolan, Keane, Hegarty, O'Sullivan, Devlin, Maguire, Reilly, Donnelly,
     Fitzgerald, McKenzie, Mackenzie, Mackay, Munro, Crawford, Paterson, Buchanan, Baird, Drummond, Muir,
     Sutherland, Watt, MacDonald, Mistry, Parmar, Chauhan, Gupta, Bibi, Bashir, Aslam, Rashid, Qureshi,
     Chowdhury, Sandhu, Dhillon, Sidhu, Bains, Butt, Akram, Anwar, Hoque, Sheikh, Joshi, Mehta, Desai,
     Solanki, Rana, Bhatti, Siddiqui, Chaudhry, Raja, Karim, Javed, Nowak, Kowalski, Mazur, Samuels, Gayle,
     Blake, Lindo, Forbes, Hylton, Spence, Christie, Daley, Beckford, Okafor, Adeyemi, Mensah, Owusu,
     Boateng, Osei, Mohamed, Abdi, Ibrahim, Yusuf, Kamara, Chan, Li, Chen, Wang, Zhang, Lam, Yilmaz,
     Da Silva, Santos, Ferreira, Rossi`,
  ],
  [
    20,
    `Bolton, Goodman, Sims, Lambert, Holt, Ingram, Bentley, Chandler, Fuller, Little, Townsend, Whittaker,
     Gale, Davidson, Dennis, Kemp, Stanley, Brookes, Connor, Hilton, Preston, Poole, Stokes, Wall,
     Blackburn, Savage, Holden, Parkinson, Farmer, Short, Chadwick, Lyons, Harrington, Pratt, Hale,
     Vincent, Hobson, Swift, Leach, Naylor, Hargreaves, Haynes, Dale, Norman, Kent, Benson, Power,
     Middleton, Whitehouse, Knowles, Mahoney, Fry, Hussey, Emery, Carpenter, Hirst, Hodges, Barton,
     Walters, Dyer, Parkes, Davey, Clements, Eaton, Nixon, Coates, Haworth, Greenwood, Heath, Lees, Sharpe,
     Ramsey, Morley, Kirk, Tyler, Randall, Bull, Daniels, Burrows, Hyde, Jacobs, Doherty, Bradshaw,
     Howarth, Rowland, Dickinson, Briggs, Summers, Atkins, Weston, Marsden, Pickering, Winter, Tait,
     Waters, Allan, Noble, Yeates, Ahmad, Haque, Miles, Conway, Steward, Gilmore, Cullen, Flanagan,
     McIntyre, Whelan, Doran, Holloway, Cain, Boyd, Carey, Lowry, Hope, Ryder, Blackwell, Giles, Hanley,
     Rhodes, Barry, Cairns, Humphries, Mullen, Fenton, Dodd, Slade, Bowden, Rooney, Keenan, Cassidy,
     Farrow, Simmons, Gardiner, Rayner, Sadler, Judd, Blundell, Molloy, Leonard, Crossley, Walmsley, Ogden,
     Birch, Hartley, Pemberton, Ratcliffe, Gould, Hutchings, Worrall, Bellamy, Hickman, Burnett, Connell,
     Dunne, Mooney, Finch, Horne, Gibbons, Quigley, Bright, Goldsmith, Coles, Wilde`,
  ],
  [
    14,
    `Mir, Lal, Hanif, Rehman, Nawaz, Arshad, Saleem, Latif, Zaman, Ashraf, Younis, Nazir, Yousaf, Aziz,
     Farooq, Mughal, Pandya, Naidoo, Ram, Lad, Vaghela, Gohil, Makwana, Rathod, Thakur, Bal, Johal, Grewal,
     Atwal, Virdi, Kang, Hayre, Khalid, Aktar, Brissett, Bryan, Ebanks, Gooden, Hinds, Lewin, McFarlane,
     Reece, Walcott, Wint, Bogle, Anglin, Blackwood, Dacosta, Ricketts, Salmon, Facey, Whyte, McLean,
     Stephenson, Okonkwo, Okoro, Olawale, Ogunleye, Ogundipe, Okeke, Eze, Nwosu, Obi, Oladipo, Afolabi,
     Balogun, Babatunde, Akinola, Asante, Appiah, Acheampong, Agyeman, Danso, Boakye, Adjei, Farah,
     Warsame, Musa, Hussein, Conteh, Sesay, Bangura, Koroma, Mwangi, Kariuki, Moyo, Ncube, Dube, Sibanda`,
  ],
  [
    8,
    `Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski,
     Kozłowski, Jankowski, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Pawlak, Michalski, Nowicki,
     Adamczyk, Dudek, Zając, Wieczorek, Jabłoński, Król, Majewski, Popescu, Ionescu, Popa, Pop, Stan,
     Dumitru, Constantin, Kazlauskas, Petrauskas, Jankauskas, Stankevičius, Demir, Kaya, Celik, Sahin,
     Ozturk, Aydin, Arslan, Liu, Huang, Zhou, Cheung, Ho, Yeung, Ng, Tang, Pereira, Costa, Rodrigues,
     Fernandes, Gomes, Romano, Ricci, Esposito, Papadopoulos, Georgiou, Christodoulou, Nguyen, Tran`,
  ],
]);

// ---------------------------------------------------------------------------------------
// 3. Places
// ---------------------------------------------------------------------------------------
// Towns with real postcode outward codes (districts). "postcodeAreas" holds outward codes such
// as "BS5"; an inward code like "4QA" is generated elsewhere. Central London districts that are
// subdivided (W1, SW1, EC1–EC4, WC1, WC2) use sub-district codes (W1T, SW1V, ...).
const t = (town, codes) => ({ town, postcodeAreas: codes.split(/\s+/).filter(Boolean) });

const PLACES = {
  AVS: {
    towns: [
      t('Bristol', 'BS1 BS2 BS3 BS4 BS5 BS6 BS7 BS8 BS9 BS10 BS11 BS13 BS14 BS16'),
      t('Kingswood', 'BS15'),
      t('Warmley', 'BS30'),
      t('Filton', 'BS34'),
      t('Bradley Stoke', 'BS32'),
      t('Yate', 'BS37'),
      t('Thornbury', 'BS35'),
      t('Keynsham', 'BS31'),
      t('Portishead', 'BS20'),
      t('Clevedon', 'BS21'),
      t('Weston-super-Mare', 'BS22 BS23 BS24'),
      t('Nailsea', 'BS48'),
      t('Yatton', 'BS49'),
      t('Bath', 'BA1 BA2'),
      t('Midsomer Norton', 'BA3'),
      t('Frome', 'BA11'),
      t('Wells', 'BA5'),
      t('Glastonbury', 'BA6'),
      t('Street', 'BA16'),
      t('Shepton Mallet', 'BA4'),
      t('Yeovil', 'BA20 BA21 BA22'),
      t('Wincanton', 'BA9'),
      t('Taunton', 'TA1 TA2 TA3'),
      t('Bridgwater', 'TA5 TA6 TA7'),
      t('Burnham-on-Sea', 'TA8'),
      t('Highbridge', 'TA9'),
      t('Minehead', 'TA24'),
      t('Chard', 'TA20'),
      t('Wellington', 'TA21'),
      t('Crewkerne', 'TA18'),
    ],
    streets: `Gloucester Road, Whiteladies Road, Stapleton Road, Fishponds Road, Filton Avenue, Southmead Road,
      Wells Road, Bath Road, North Street, East Street, Cheltenham Road, Coronation Road, Lodge Causeway,
      Muller Road, Hartcliffe Way, Bishport Avenue, Church Road, Two Mile Hill Road, Soundwell Road,
      Locking Road, Milton Road, Bristol Road, Lower Bristol Road, Wellsway, Staplegrove Road,
      Priorswood Road, Hendford Hill, Preston Road, Quantock Road, Bath Road, Mendip Road, Sedgemoor Road`,
  },
  BED: {
    towns: [
      t('Bedford', 'MK40 MK41'),
      t('Kempston', 'MK42'),
      t('Luton', 'LU1 LU2 LU3 LU4'),
      t('Dunstable', 'LU5 LU6'),
      t('Leighton Buzzard', 'LU7'),
      t('Biggleswade', 'SG18'),
      t('Sandy', 'SG19'),
      t('Flitwick', 'MK45'),
    ],
    streets: `Dunstable Road, Leagrave Road, Bury Park Road, Midland Road, Ampthill Road, Goldington Road,
      Tavistock Street, Hitchin Road, Marsh Road, Bedford Road`,
  },
  CAM: {
    towns: [
      t('Cambridge', 'CB1 CB2 CB3 CB4 CB5'),
      t('Peterborough', 'PE1 PE2 PE3 PE4 PE7'),
      t('Huntingdon', 'PE29'),
      t('St Neots', 'PE19'),
      t('Ely', 'CB6 CB7'),
      t('Wisbech', 'PE13'),
      t('March', 'PE15'),
      t('St Ives', 'PE27'),
    ],
    streets: `Mill Road, Histon Road, Newmarket Road, Lincoln Road, Dogsthorpe Road, Eastfield Road,
      Bretton Way, Great North Road, Chesterton Road, Cherry Hinton Road`,
  },
  CHE: {
    towns: [
      t('Chester', 'CH1 CH2 CH3 CH4'),
      t('Crewe', 'CW1 CW2'),
      t('Macclesfield', 'SK10 SK11'),
      t('Warrington', 'WA1 WA2 WA4 WA5'),
      t('Widnes', 'WA8'),
      t('Runcorn', 'WA7'),
      t('Ellesmere Port', 'CH65 CH66'),
      t('Northwich', 'CW8 CW9'),
    ],
    streets: `Nantwich Road, Edleston Road, Hoole Road, Liverpool Road, Winwick Road, Orford Lane,
      Hale Road, Whitby Road, Chester Road, Park Lane`,
  },
  CLE: {
    towns: [
      t('Middlesbrough', 'TS1 TS3 TS4 TS5 TS7'),
      t('Stockton-on-Tees', 'TS18 TS19 TS20'),
      t('Hartlepool', 'TS24 TS25 TS26'),
      t('Redcar', 'TS10'),
      t('Billingham', 'TS23'),
      t('Thornaby', 'TS17'),
      t('Guisborough', 'TS14'),
    ],
    streets: `Linthorpe Road, Parliament Road, Marton Road, Yarm Road, Oxbridge Lane, York Road,
      Stockton Road, Coatham Road, Norton Road, Acklam Road`,
  },
  CUM: {
    towns: [
      t('Carlisle', 'CA1 CA2 CA3'),
      t('Barrow-in-Furness', 'LA13 LA14'),
      t('Kendal', 'LA9'),
      t('Workington', 'CA14'),
      t('Whitehaven', 'CA28'),
      t('Penrith', 'CA11'),
      t('Maryport', 'CA15'),
      t('Ulverston', 'LA12'),
    ],
    streets: `Botchergate, Warwick Road, Dalton Road, Abbey Road, Stricklandgate, Harrington Road,
      Lowther Street, Scotland Road, Lonsdale Street, Duke Street`,
  },
  DER: {
    towns: [
      t('Derby', 'DE1 DE21 DE22 DE23 DE24'),
      t('Chesterfield', 'S40 S41'),
      t('Ilkeston', 'DE7'),
      t('Long Eaton', 'NG10'),
      t('Buxton', 'SK17'),
      t('Glossop', 'SK13'),
      t('Swadlincote', 'DE11'),
      t('Ripley', 'DE5'),
    ],
    streets: `Normanton Road, Osmaston Road, Burton Road, Nottingham Road, Sheffield Road, Chatsworth Road,
      Station Road, Derby Road, Alfreton Road, Uttoxeter New Road`,
  },
  DEC: {
    towns: [
      t('Exeter', 'EX1 EX2 EX4'),
      t('Plymouth', 'PL1 PL2 PL3 PL4 PL5 PL6'),
      t('Torquay', 'TQ1 TQ2'),
      t('Paignton', 'TQ3 TQ4'),
      t('Barnstaple', 'EX31 EX32'),
      t('Newton Abbot', 'TQ12'),
      t('Truro', 'TR1'),
      t('St Austell', 'PL25'),
      t('Penzance', 'TR18'),
      t('Camborne', 'TR14'),
    ],
    streets: `Union Street, Mutley Plain, Alexandra Road, Cowick Street, Sidwell Street, Torbay Road,
      Higher Union Street, Fore Street, Trelawney Road, Tavistock Road`,
  },
  DOR: {
    towns: [
      t('Bournemouth', 'BH1 BH2 BH3 BH5 BH6 BH7 BH8 BH9 BH10 BH11'),
      t('Poole', 'BH12 BH14 BH15 BH17'),
      t('Christchurch', 'BH23'),
      t('Weymouth', 'DT3 DT4'),
      t('Dorchester', 'DT1 DT2'),
      t('Portland', 'DT5'),
      t('Bridport', 'DT6'),
      t('Wimborne Minster', 'BH21'),
    ],
    streets: `Christchurch Road, Wimborne Road, Ashley Road, Commercial Road, Holdenhurst Road,
      Dorchester Road, Bournemouth Road, Charminster Road, Ringwood Road, Poole Road`,
  },
  DUR: {
    towns: [
      t('Durham', 'DH1'),
      t('Darlington', 'DL1 DL2 DL3'),
      t('Chester-le-Street', 'DH2 DH3'),
      t('Bishop Auckland', 'DL14'),
      t('Newton Aycliffe', 'DL5'),
      t('Consett', 'DH8'),
      t('Peterlee', 'SR8'),
      t('Seaham', 'SR7'),
      t('Stanley', 'DH9'),
    ],
    streets: `Front Street, Newgate Street, North Road, Yarm Road, Gilesgate, Neville Road, Durham Road,
      Woodhouse Lane, Station Road, Victoria Road`,
  },
  ESS: {
    towns: [
      t('Chelmsford', 'CM1 CM2'),
      t('Colchester', 'CO1 CO2 CO3 CO4'),
      t('Southend-on-Sea', 'SS0 SS1 SS2 SS3'),
      t('Basildon', 'SS13 SS14 SS15 SS16'),
      t('Harlow', 'CM17 CM18 CM19 CM20'),
      t('Grays', 'RM16 RM17 RM20'),
      t('Clacton-on-Sea', 'CO15 CO16'),
      t('Braintree', 'CM7'),
    ],
    streets: `London Road, Southchurch Road, Maldon Road, Moulsham Street, Ipswich Road, Old Road,
      Broadway, Hamlet Court Road, Sutton Road, Cranes Farm Road`,
  },
  GLO: {
    towns: [
      t('Gloucester', 'GL1 GL2 GL3 GL4'),
      t('Cheltenham', 'GL50 GL51 GL52 GL53'),
      t('Stroud', 'GL5'),
      t('Tewkesbury', 'GL20'),
      t('Cirencester', 'GL7'),
      t('Cinderford', 'GL14'),
      t('Lydney', 'GL15'),
      t('Coleford', 'GL16'),
    ],
    streets: `Barton Street, Bristol Road, Tewkesbury Road, Stroud Road, Tredworth Road, Hesters Way Road,
      Princess Elizabeth Way, Gloucester Road, Cainscross Road, Belle Vue Road`,
  },
  GMP: {
    towns: [
      t('Manchester', 'M1 M4 M8 M9 M11 M12 M13 M14 M15 M16 M18 M19 M20 M21 M22 M23 M40'),
      t('Salford', 'M3 M5 M6 M7'),
      t('Bolton', 'BL1 BL2 BL3'),
      t('Wigan', 'WN1 WN2 WN3 WN5 WN6'),
      t('Stockport', 'SK1 SK2 SK3 SK4 SK5'),
      t('Oldham', 'OL1 OL4 OL8 OL9'),
      t('Rochdale', 'OL11 OL12 OL16'),
      t('Bury', 'BL8 BL9'),
      t('Ashton-under-Lyne', 'OL6 OL7'),
      t('Altrincham', 'WA14 WA15'),
    ],
    streets: `Oldham Road, Rochdale Road, Wilmslow Road, Stockport Road, Hyde Road, Cheetham Hill Road,
      Eccles New Road, Bury New Road, Ashton Old Road, Moss Lane East, Princess Road, Deane Road`,
  },
  HAM: {
    towns: [
      t('Southampton', 'SO14 SO15 SO16 SO17 SO18 SO19'),
      t('Portsmouth', 'PO1 PO2 PO3 PO4 PO5 PO6'),
      t('Basingstoke', 'RG21 RG22 RG24'),
      t('Winchester', 'SO22 SO23'),
      t('Aldershot', 'GU11 GU12'),
      t('Gosport', 'PO12 PO13'),
      t('Fareham', 'PO14 PO15 PO16'),
      t('Havant', 'PO9'),
      t('Andover', 'SP10 SP11'),
      t('Newport, Isle of Wight', 'PO30'),
      t('Ryde', 'PO33'),
    ],
    streets: `Shirley Road, Portswood Road, Fratton Road, Kingston Road, Commercial Road, Winchester Road,
      Bitterne Road, Northam Road, Albert Road, Forton Road`,
  },
  HER: {
    towns: [
      t('Watford', 'WD17 WD18 WD19 WD24 WD25'),
      t('St Albans', 'AL1 AL3 AL4'),
      t('Stevenage', 'SG1 SG2'),
      t('Hemel Hempstead', 'HP1 HP2 HP3'),
      t('Hatfield', 'AL10'),
      t('Welwyn Garden City', 'AL7 AL8'),
      t('Hitchin', 'SG4 SG5'),
      t('Cheshunt', 'EN7 EN8'),
    ],
    streets: `St Albans Road, Whippendell Road, Hatfield Road, Marlowes, Fairlands Way, Queensway,
      Hitchin Road, Turners Hill, Bedford Road, London Road`,
  },
  HUM: {
    towns: [
      t('Hull', 'HU1 HU2 HU3 HU4 HU5 HU6 HU7 HU8 HU9'),
      t('Grimsby', 'DN31 DN32 DN33 DN34'),
      t('Scunthorpe', 'DN15 DN16 DN17'),
      t('Cleethorpes', 'DN35'),
      t('Beverley', 'HU17'),
      t('Bridlington', 'YO15 YO16'),
      t('Goole', 'DN14'),
      t('Hessle', 'HU13'),
    ],
    streets: `Hessle Road, Holderness Road, Beverley Road, Anlaby Road, Spring Bank, Freeman Street,
      Ashby High Street, Frodingham Road, Cleethorpe Road, Boothferry Road`,
  },
  KEN: {
    towns: [
      t('Maidstone', 'ME14 ME15 ME16'),
      t('Canterbury', 'CT1 CT2'),
      t('Margate', 'CT9'),
      t('Ramsgate', 'CT11 CT12'),
      t('Folkestone', 'CT19 CT20'),
      t('Dover', 'CT16 CT17'),
      t('Ashford', 'TN23 TN24'),
      t('Chatham', 'ME4 ME5'),
      t('Gillingham', 'ME7 ME8'),
      t('Gravesend', 'DA11 DA12'),
    ],
    streets: `Tonbridge Road, Sittingbourne Road, Northdown Road, Canterbury Road, Folkestone Road,
      Luton Road, Canterbury Street, Milton Road, Upper Stone Street, Dover Road`,
  },
  LAN: {
    towns: [
      t('Preston', 'PR1 PR2'),
      t('Blackpool', 'FY1 FY2 FY3 FY4'),
      t('Blackburn', 'BB1 BB2'),
      t('Burnley', 'BB10 BB11 BB12'),
      t('Lancaster', 'LA1'),
      t('Morecambe', 'LA3 LA4'),
      t('Chorley', 'PR6 PR7'),
      t('Accrington', 'BB5'),
      t('Skelmersdale', 'WN8'),
    ],
    streets: `Deepdale Road, Plungington Road, Central Drive, Lytham Road, Whalley Range, Colne Road,
      Lytham Road, Heysham Road, Blackburn Road, Church Street`,
  },
  LEI: {
    towns: [
      t('Leicester', 'LE1 LE2 LE3 LE4 LE5'),
      t('Loughborough', 'LE11'),
      t('Hinckley', 'LE10'),
      t('Coalville', 'LE67'),
      t('Melton Mowbray', 'LE13'),
      t('Market Harborough', 'LE16'),
      t('Oakham', 'LE15'),
      t('Wigston', 'LE18'),
    ],
    streets: `Narborough Road, Belgrave Road, Melton Road, Humberstone Road, Uppingham Road, Welford Road,
      Hinckley Road, Fosse Road North, Derby Road, Loughborough Road`,
  },
  LIN: {
    towns: [
      t('Lincoln', 'LN1 LN2 LN5 LN6'),
      t('Boston', 'PE21'),
      t('Grantham', 'NG31'),
      t('Skegness', 'PE25'),
      t('Spalding', 'PE11 PE12'),
      t('Gainsborough', 'DN21'),
      t('Louth', 'LN11'),
      t('Sleaford', 'NG34'),
    ],
    streets: `High Street, Monks Road, Newark Road, Skegness Road, West Street, Spilsby Road,
      Brant Road, Wragby Road, Winsover Road, Lumley Road`,
  },
  LON: {
    towns: [
      t('Westminster', 'W1T W1U W1H W2 W9 SW1V SW1P SW1W'),
      t('City of London', 'EC1A EC2A EC2M EC3N EC4M'),
      t('Camden', 'NW1 NW3 NW5 WC1H WC1X'),
      t('Islington', 'N1 N5 N7 N19'),
      t('Hackney', 'E5 E8 E9 N16'),
      t('Tower Hamlets', 'E1 E2 E3 E14'),
      t('Newham', 'E6 E7 E13 E15 E16'),
      t('Barking and Dagenham', 'IG11 RM8 RM9 RM10'),
      t('Lambeth', 'SE11 SW2 SW4 SW8 SW9 SE27'),
      t('Southwark', 'SE1 SE5 SE15 SE16 SE17 SE22'),
      t('Lewisham', 'SE4 SE6 SE13 SE14 SE23'),
      t('Greenwich', 'SE3 SE7 SE10 SE18 SE28'),
      t('Croydon', 'CR0 CR2 CR7 SE25'),
      t('Wandsworth', 'SW11 SW12 SW15 SW17 SW18'),
      t('Brent', 'NW2 NW6 NW10 HA0 HA9'),
      t('Ealing', 'W5 W7 W13 UB1 UB2'),
      t('Haringey', 'N4 N8 N15 N17 N22'),
      t('Enfield', 'EN1 EN2 EN3 N9 N18'),
    ],
    streets: `Old Kent Road, Mile End Road, Whitechapel Road, Kingsland Road, Holloway Road, Seven Sisters Road,
      Brixton Road, Coldharbour Lane, Walworth Road, Camberwell New Road, Harrow Road, Kilburn High Road,
      Uxbridge Road, Commercial Road, Romford Road, Green Street, Lewisham Way, Tottenham High Road,
      Edgware Road, Streatham High Road, London Road, Lordship Lane`,
  },
  MER: {
    towns: [
      t('Liverpool', 'L1 L4 L5 L6 L7 L8 L9 L11 L13 L15 L17 L18 L24'),
      t('Birkenhead', 'CH41 CH42 CH43'),
      t('Wallasey', 'CH44 CH45'),
      t('Bootle', 'L20 L30'),
      t('Southport', 'PR8 PR9'),
      t('St Helens', 'WA9 WA10 WA11'),
      t('Kirkby', 'L32 L33'),
      t('Huyton', 'L36'),
    ],
    streets: `Scotland Road, County Road, Smithdown Road, Lodge Lane, Walton Road, Park Road, Borough Road,
      Stanley Road, Queens Drive, Townsend Lane, Lord Street, Duke Street`,
  },
  NOR: {
    towns: [
      t('Norwich', 'NR1 NR2 NR3 NR4 NR5 NR6 NR7'),
      t('Great Yarmouth', 'NR30 NR31'),
      t("King's Lynn", 'PE30'),
      t('Thetford', 'IP24'),
      t('Dereham', 'NR19'),
      t('Wymondham', 'NR18'),
      t('Cromer', 'NR27'),
      t('Swaffham', 'PE37'),
    ],
    streets: `Magdalen Street, Dereham Road, Unthank Road, Sprowston Road, Plumstead Road, Northgate Street,
      Gaywood Road, London Road, Aylsham Road, Earlham Road`,
  },
  NYO: {
    towns: [
      t('York', 'YO1 YO10 YO23 YO24 YO26 YO30 YO31 YO32'),
      t('Harrogate', 'HG1 HG2 HG3'),
      t('Scarborough', 'YO11 YO12'),
      t('Northallerton', 'DL6 DL7'),
      t('Selby', 'YO8'),
      t('Skipton', 'BD23'),
      t('Ripon', 'HG4'),
      t('Whitby', 'YO21'),
    ],
    streets: `Tadcaster Road, Hull Road, Burton Stone Lane, Haxby Road, Skipton Road, Falsgrave Road,
      Castle Road, Thirsk Road, Leeds Road, Westgate`,
  },
  NTH: {
    towns: [
      t('Northampton', 'NN1 NN2 NN3 NN4 NN5'),
      t('Kettering', 'NN15 NN16'),
      t('Corby', 'NN17 NN18'),
      t('Wellingborough', 'NN8'),
      t('Daventry', 'NN11'),
      t('Rushden', 'NN10'),
      t('Towcester', 'NN12'),
      t('Brackley', 'NN13'),
    ],
    streets: `Wellingborough Road, Kettering Road, St James Road, Harborough Road, Rockingham Road,
      Elizabeth Street, Midland Road, Weedon Road, Abington Avenue, Rothwell Road`,
  },
  NUM: {
    towns: [
      t('Newcastle upon Tyne', 'NE1 NE2 NE3 NE4 NE5 NE6 NE7 NE15'),
      t('Sunderland', 'SR1 SR2 SR3 SR4 SR5 SR6'),
      t('Gateshead', 'NE8 NE9 NE10 NE11'),
      t('South Shields', 'NE33 NE34'),
      t('North Shields', 'NE29 NE30'),
      t('Blyth', 'NE24'),
      t('Ashington', 'NE63'),
      t('Washington', 'NE37 NE38'),
      t('Cramlington', 'NE23'),
    ],
    streets: `Shields Road, Westgate Road, Elswick Road, Chillingham Road, Hylton Road, Durham Road,
      Ocean Road, Saville Street, Front Street, Coatsworth Road`,
  },
  NOT: {
    towns: [
      t('Nottingham', 'NG1 NG2 NG3 NG5 NG6 NG7 NG8 NG11'),
      t('Mansfield', 'NG18 NG19'),
      t('Newark-on-Trent', 'NG24'),
      t('Worksop', 'S80 S81'),
      t('Sutton-in-Ashfield', 'NG17'),
      t('Beeston', 'NG9'),
      t('Hucknall', 'NG15'),
      t('Retford', 'DN22'),
    ],
    streets: `Alfreton Road, Hucknall Road, Radford Road, Carlton Road, Mansfield Road, Sneinton Dale,
      Ilkeston Road, Chesterfield Road, Nottingham Road, Bulwell High Road`,
  },
  SYO: {
    towns: [
      t('Sheffield', 'S1 S2 S3 S4 S5 S6 S7 S8 S9 S10 S11 S12 S13 S14 S35'),
      t('Rotherham', 'S60 S61 S65 S66'),
      t('Doncaster', 'DN1 DN2 DN4 DN5 DN12'),
      t('Barnsley', 'S70 S71 S72 S75'),
      t('Mexborough', 'S64'),
      t('Wath upon Dearne', 'S63'),
      t('Thorne', 'DN8'),
    ],
    streets: `Abbeydale Road, London Road, Staniforth Road, Firth Park Road, Ecclesall Road, Attercliffe Road,
      Wath Road, Bawtry Road, Balby Road, Sheffield Road, Dodworth Road`,
  },
  STA: {
    towns: [
      t('Stoke-on-Trent', 'ST1 ST2 ST3 ST4 ST6'),
      t('Stafford', 'ST16 ST17'),
      t('Newcastle-under-Lyme', 'ST5'),
      t('Burton upon Trent', 'DE13 DE14 DE15'),
      t('Tamworth', 'B77 B78 B79'),
      t('Cannock', 'WS11 WS12'),
      t('Lichfield', 'WS13 WS14'),
      t('Leek', 'ST13'),
    ],
    streets: `Leek Road, Hartshill Road, Uttoxeter Road, Waterloo Road, Lichfield Road, Stafford Road,
      Wolverhampton Road, Victoria Road, Derby Street, Stone Road`,
  },
  SUF: {
    towns: [
      t('Ipswich', 'IP1 IP2 IP3 IP4'),
      t('Bury St Edmunds', 'IP32 IP33'),
      t('Lowestoft', 'NR32 NR33'),
      t('Felixstowe', 'IP11'),
      t('Sudbury', 'CO10'),
      t('Haverhill', 'CB9'),
      t('Newmarket', 'CB8'),
      t('Stowmarket', 'IP14'),
    ],
    streets: `Norwich Road, Woodbridge Road, Felixstowe Road, London Road North, Risbygate Street,
      Hamilton Road, Bramford Road, Wherstead Road, Bevan Street, Withipoll Street`,
  },
  SUR: {
    towns: [
      t('Guildford', 'GU1 GU2 GU4'),
      t('Woking', 'GU21 GU22'),
      t('Redhill', 'RH1'),
      t('Reigate', 'RH2'),
      t('Epsom', 'KT17 KT18 KT19'),
      t('Staines-upon-Thames', 'TW18 TW19'),
      t('Camberley', 'GU15 GU16'),
      t('Leatherhead', 'KT22'),
      t('Farnham', 'GU9 GU10'),
    ],
    streets: `Walnut Tree Close, Woodbridge Road, Goldsworth Road, Brighton Road, East Street, Kingston Road,
      Guildford Road, London Road, Frimley Road, Ashford Road`,
  },
  SUS: {
    towns: [
      t('Brighton', 'BN1 BN2'),
      t('Hove', 'BN3'),
      t('Worthing', 'BN11 BN12 BN13 BN14'),
      t('Crawley', 'RH10 RH11'),
      t('Eastbourne', 'BN20 BN21 BN22 BN23'),
      t('Hastings', 'TN34 TN35'),
      t('Chichester', 'PO19'),
      t('Bognor Regis', 'PO21 PO22'),
      t('Horsham', 'RH12 RH13'),
    ],
    streets: `Lewes Road, London Road, Whitehawk Road, Portland Road, Tarring Road, Ifield Road,
      Seaside, Queens Road, Bohemia Road, Chichester Road`,
  },
  TVP: {
    towns: [
      t('Oxford', 'OX1 OX2 OX3 OX4'),
      t('Reading', 'RG1 RG2 RG4 RG5 RG6 RG30 RG31'),
      t('Slough', 'SL1 SL2 SL3'),
      t('Milton Keynes', 'MK1 MK2 MK3 MK4 MK5 MK6 MK8 MK9 MK10 MK12 MK13 MK14 MK15'),
      t('High Wycombe', 'HP10 HP11 HP12 HP13'),
      t('Aylesbury', 'HP19 HP20 HP21 HP22'),
      t('Banbury', 'OX16 OX17'),
      t('Maidenhead', 'SL6'),
      t('Bracknell', 'RG12 RG42'),
      t('Newbury', 'RG14'),
    ],
    streets: `Cowley Road, Iffley Road, Oxford Road, Wokingham Road, Farnham Road, Bath Road, Desborough Road,
      Tring Road, Queensway, Southampton Road, London Road`,
  },
  WAR: {
    towns: [
      t('Nuneaton', 'CV10 CV11'),
      t('Rugby', 'CV21 CV22 CV23'),
      t('Leamington Spa', 'CV31 CV32'),
      t('Warwick', 'CV34'),
      t('Stratford-upon-Avon', 'CV37'),
      t('Bedworth', 'CV12'),
      t('Kenilworth', 'CV8'),
      t('Atherstone', 'CV9'),
    ],
    streets: `Queens Road, Coton Road, Lawford Road, Clarendon Street, Tachbrook Road, Emscote Road,
      Birmingham Road, Shipston Road, Leicester Road, Coventry Road`,
  },
  WME: {
    towns: [
      t('Worcester', 'WR1 WR2 WR3 WR4 WR5'),
      t('Hereford', 'HR1 HR2 HR4'),
      t('Shrewsbury', 'SY1 SY2 SY3'),
      t('Telford', 'TF1 TF2 TF3 TF4 TF7'),
      t('Kidderminster', 'DY10 DY11'),
      t('Redditch', 'B97 B98'),
      t('Bromsgrove', 'B60 B61'),
      t('Oswestry', 'SY10 SY11'),
      t('Evesham', 'WR11'),
    ],
    streets: `Lowesmoor, Bath Road, Whitecross Road, Abbey Foregate, Holyhead Road, Comberton Road,
      Birmingham Road, Ombersley Road, Ross Road, Ludlow Road`,
  },
  WMI: {
    towns: [
      t('Birmingham', 'B1 B5 B6 B7 B8 B9 B10 B11 B12 B13 B14 B16 B19 B20 B21 B23 B24 B29 B31 B33 B36 B44'),
      t('Coventry', 'CV1 CV2 CV3 CV4 CV5 CV6'),
      t('Wolverhampton', 'WV1 WV2 WV3 WV4 WV6 WV10 WV11'),
      t('Walsall', 'WS1 WS2 WS3 WS5'),
      t('West Bromwich', 'B70 B71'),
      t('Dudley', 'DY1 DY2 DY3'),
      t('Solihull', 'B90 B91 B92'),
      t('Sutton Coldfield', 'B72 B73 B74 B75 B76'),
      t('Smethwick', 'B66 B67'),
      t('Halesowen', 'B62 B63'),
    ],
    streets: `Stratford Road, Soho Road, Coventry Road, Alum Rock Road, Ladypool Road, Lozells Road,
      Foleshill Road, Dudley Road, Lichfield Road, Stafford Street, Hagley Road, Walsall Road`,
  },
  WYO: {
    towns: [
      t('Leeds', 'LS1 LS2 LS4 LS5 LS6 LS7 LS8 LS9 LS10 LS11 LS12 LS13 LS14 LS15'),
      t('Bradford', 'BD1 BD2 BD3 BD4 BD5 BD6 BD7 BD8 BD9 BD10'),
      t('Huddersfield', 'HD1 HD2 HD3 HD4 HD5'),
      t('Wakefield', 'WF1 WF2'),
      t('Halifax', 'HX1 HX2 HX3'),
      t('Dewsbury', 'WF12 WF13'),
      t('Keighley', 'BD20 BD21 BD22'),
      t('Castleford', 'WF10'),
      t('Batley', 'WF17'),
    ],
    streets: `Roundhay Road, Harehills Lane, Chapeltown Road, Dewsbury Road, Kirkstall Road, York Road,
      Leeds Road, Manningham Lane, Great Horton Road, Thornton Road, Wakefield Road, Halifax Road`,
  },
  WIL: {
    towns: [
      t('Swindon', 'SN1 SN2 SN3 SN5 SN25'),
      t('Salisbury', 'SP1 SP2'),
      t('Chippenham', 'SN14 SN15'),
      t('Trowbridge', 'BA14'),
      t('Devizes', 'SN10'),
      t('Warminster', 'BA12'),
      t('Melksham', 'SN12'),
      t('Calne', 'SN11'),
    ],
    streets: `Manchester Road, Cricklade Road, Ferndale Road, Rodbourne Road, Fisherton Street, Wilton Road,
      Hungerdown Lane, Frome Road, Hilperton Road, Bath Road`,
  },
  DYP: {
    towns: [
      t('Carmarthen', 'SA31 SA32 SA33'),
      t('Llanelli', 'SA14 SA15'),
      t('Ammanford', 'SA18'),
      t('Aberystwyth', 'SY23'),
      t('Haverfordwest', 'SA61 SA62'),
      t('Pembroke Dock', 'SA72'),
      t('Newtown', 'SY16'),
      t('Brecon', 'LD3'),
      t('Llandrindod Wells', 'LD1'),
      t('Welshpool', 'SY21'),
    ],
    streets: `Heol y Brenin, Heol Goch, Stryd Fawr, Priory Street, Stepney Street, Felinfoel Road,
      Penglais Road, Trefechan Road, Dew Street, Bush Street, Heol Llanelli, Ffordd y Parc`,
  },
  GWE: {
    towns: [
      t('Newport', 'NP10 NP18 NP19 NP20'),
      t('Cwmbran', 'NP44'),
      t('Pontypool', 'NP4'),
      t('Caerphilly', 'CF83'),
      t('Blackwood', 'NP12'),
      t('Ebbw Vale', 'NP23'),
      t('Abergavenny', 'NP7'),
      t('Chepstow', 'NP16'),
      t('Tredegar', 'NP22'),
    ],
    streets: `Commercial Road, Corporation Road, Chepstow Road, Caerleon Road, Malpas Road, Cardiff Road,
      Heol y Gelli, Heol Fach, Bethcar Street, High Street`,
  },
  NWA: {
    towns: [
      t('Wrexham', 'LL11 LL12 LL13 LL14'),
      t('Rhyl', 'LL18'),
      t('Prestatyn', 'LL19'),
      t('Bangor', 'LL57'),
      t('Llandudno', 'LL30'),
      t('Colwyn Bay', 'LL28 LL29'),
      t('Caernarfon', 'LL55'),
      t('Holyhead', 'LL65'),
      t('Mold', 'CH7'),
      t("Connah's Quay", 'CH5'),
    ],
    streets: `Ffordd Caergybi, Stryd Fawr, Ffordd Bangor, Lon Las, Rhosddu Road, Grosvenor Road,
      Wellington Road, Abergele Road, Holyhead Road, Ffordd Penrhos, Heol y Bont, Mostyn Street`,
  },
  SWA: {
    towns: [
      t('Cardiff', 'CF3 CF5 CF10 CF11 CF14 CF23 CF24'),
      t('Swansea', 'SA1 SA2 SA4 SA5 SA6 SA7'),
      t('Bridgend', 'CF31'),
      t('Neath', 'SA10 SA11'),
      t('Port Talbot', 'SA12 SA13'),
      t('Merthyr Tydfil', 'CF47 CF48'),
      t('Pontypridd', 'CF37'),
      t('Barry', 'CF62 CF63'),
      t('Aberdare', 'CF44'),
    ],
    streets: `City Road, Cowbridge Road East, Clifton Street, Newport Road, Heol Llanishen Fach, Mansel Street,
      Walter Road, Neath Road, Heol Dewi Sant, Heol y Felin, Holton Road, Taff Street`,
  },
};

// Generic English street names, used everywhere alongside an area's local streets.
const GENERIC_STREETS = `High Street, Station Road, Church Lane, Church Street, Church Road, Main Street, Main Road,
  Park Road, Park Avenue, Park Lane, London Road, Victoria Road, Victoria Street, Green Lane, Manor Road,
  Manor Way, The Avenue, The Crescent, The Drive, The Green, The Croft, Queens Road, Queen Street, Kings Road,
  King Street, Kingsway, Queensway, New Road, New Street, Grange Road, Windsor Road, Highfield Road,
  Highfield Avenue, Mill Lane, Mill Road, Mill Street, Alexandra Road, York Road, Stanley Road, Springfield Road,
  Richmond Road, Albert Road, Albert Street, Chester Road, Broadway, Cedar Avenue, North Street, South Street,
  West Street, East Street, School Lane, School Road, Orchard Close, Orchard Road, Orchard Way, Chapel Street,
  Chapel Lane, George Street, Water Lane, Back Lane, Market Street, Market Place, Bridge Street, Bridge Road,
  Castle Street, Union Street, Railway Street, Station Street, Spring Gardens, St John's Road, St Mary's Road,
  St Andrew's Road, St Peter's Road, Oxford Road, Cambridge Road, Clarence Road, Grosvenor Road, Beech Grove,
  Beech Road, Oak Road, Oak Avenue, Elm Grove, Elm Road, Ash Grove, Willow Close, Birch Close, Maple Drive,
  Hawthorn Close, Holly Close, Laburnum Avenue, Sycamore Road, Chestnut Avenue, Lime Grove, Rowan Close,
  Meadow Way, Meadow Close, Meadow View, Brook Street, Brookside, Riverside, Hill Street, Hillside, Hill Road,
  Hillcrest, Valley Road, Woodland Road, Woodlands, Wood Lane, Wood Street, Forest Road, Field Lane, Farm Road,
  Westfield Road, Eastfield Road, Northfield Road, Southfield Road, Princes Street, Princess Street,
  Nelson Street, Wellington Road, Wellington Street, Waterloo Road, Trafalgar Street, Cromwell Road,
  Milton Road, Shakespeare Road, Tennyson Avenue, Byron Road, Gladstone Street, Derby Road, Lancaster Road,
  Warwick Road, Coronation Road, Coronation Avenue, Jubilee Road, Jubilee Close, Lodge Lane, Lodge Road,
  Hall Lane, Rectory Road, Vicarage Road, Vicarage Lane, Abbey Road, Priory Road, Cemetery Road, Sandy Lane,
  Moor Lane, Heath Road, Common Road, Marsh Lane, Pound Lane, Poplar Avenue, Poplar Road, Linden Avenue,
  Cherry Tree Road, Greenway, Parkway, Fairfield Road, Fairway, Glebe Road, Beechwood Avenue, Mayfield Road,
  Mount Pleasant, Prospect Road, Sunnyside, Park View, Green Close, Croft Road, Osborne Road, Russell Street,
  Granville Road, Marlborough Road, Carlton Road, Clifton Road, Belmont Road, Chaucer Road, Kingsley Road,
  Rosemary Lane, Nursery Road, Garden Street, Well Lane, Brick Kiln Lane, Cross Street, Stafford Road,
  Nelson Road, Canal Street, Wharf Road, Foundry Lane, Pit Lane, Colliery Road, Dock Road, Harbour Road`;

const list = (s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];

function buildPlaces() {
  const out = { streets: list(GENERIC_STREETS), areas: {} };
  for (const code of areaCodes) {
    const p = PLACES[code];
    if (!p) throw new Error(`no places for ${code}`);
    out.areas[code] = { towns: p.towns, streets: list(p.streets) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// 4. Offences and courts
// ---------------------------------------------------------------------------------------
// schedule3:  listed in SOA 2003 Schedule 3 (conviction/caution triggers the notification
//             requirements). Several entries apply only on conditions (victim's age, offender's
//             age, sentence length); the condition is given in `note`.
// schedule15: a "specified offence" in CJA 2003 Schedule 15 (violent Part 1, sexual Part 2,
//             terrorism Part 3). Murder is not in Schedule 15 but qualifies for MAPPA
//             Category 2 in its own right (CJA 2003 s.327(3)(a)).
// terrorism:  a terrorism offence for the purposes of Counter-Terrorism Act 2008 Part 4
//             (notification) / MAPPA Category 4.
// schedule3Condition: the code of the entry's condition in src/domain/schedule3.ts (null = the
//             offence is notifiable whatever the facts). The `note` says the same in words.
// `cond` is either a plain note (string), or a Schedule 3 condition [code, note].
const o = (kind, offence, act, schedule3, schedule15, cond = null, terrorism = false) => ({
  offence,
  act,
  schedule3,
  schedule3Condition: Array.isArray(cond) ? cond[0] : null,
  schedule15,
  terrorism,
  kind,
  note: Array.isArray(cond) ? cond[1] : cond,
});
const SA = 'Sexual Offences Act 2003';
const OAPA = 'Offences Against the Person Act 1861';
// SOA 2003 Sch.3 paras 17, 30, 32, 33 (s.3, s.62-63, s.66, s.67).
const S3_VICTIM_OR_SENTENCE = [
  'victim_under_18_or_sentence',
  'If the offender was under 18, Schedule 3 only if sentenced to at least 12 months imprisonment; otherwise only if the victim was under 18, or the offender was sentenced to imprisonment, detained in hospital or given a community sentence of at least 12 months',
];
// Sch.3 paras 27, 35 (s.38-41, s.71).
const S3_SENTENCE = [
  'sentence',
  'If the offender was under 18, Schedule 3 only if sentenced to at least 12 months imprisonment; otherwise only if sentenced to imprisonment, detained in hospital or given a community sentence of at least 12 months',
];
// Sch.3 para 24 (s.16-19): the offender is 18 or over by the offence's definition.
const S3_TRUST = [
  'abuse_of_trust',
  'Schedule 3 only if the offender was sentenced to imprisonment, detained in hospital or given a community sentence of at least 12 months',
];
// Sch.3 paras 19, 22, 25, 35C and the entry for s.48-50.
const S3_U18_OFFENDER = [
  'adult_or_12_months',
  'Schedule 3 if the offender was 18 or over, or was sentenced to at least 12 months imprisonment',
];
// Sch.3 paras 13-15 (the age of the person shown is their age when the photograph was taken, para 95).
const S3_IMAGES = [
  'indecent_images',
  'Schedule 3 if the images showed a person under 16 and the offender was 18 or over or was sentenced to at least 12 months imprisonment (or was convicted before 1 May 2004)',
];
// Sch.3 paras 7-8: indecent assault under the 1956 Act.
const S3_OLDER_ACT = [
  'victim_under_18_or_30_months',
  'Schedule 3 if the victim was under 18, or the offender was sentenced to at least 30 months imprisonment or admitted to hospital subject to a restriction order',
];
const S3_ADULT_OFFENDER_ONLY =
  'Schedule 3 whatever the sentence (Sch.3 para 20): only a person aged 18 or over commits this offence; a child is charged under s.13';

const OFFENCES = [
  // --- sexual ---
  o('sexual', 'Rape of a female aged 16 or over', `${SA} s.1`, true, true),
  o('sexual', 'Rape of a male aged 16 or over', `${SA} s.1`, true, true),
  o('sexual', 'Assault by penetration', `${SA} s.2`, true, true),
  o('sexual', 'Sexual assault on a female', `${SA} s.3`, true, true, S3_VICTIM_OR_SENTENCE),
  o('sexual', 'Sexual assault on a male', `${SA} s.3`, true, true, S3_VICTIM_OR_SENTENCE),
  o('sexual', 'Causing a person to engage in sexual activity without consent', `${SA} s.4`, true, true),
  o('sexual', 'Rape of a child under 13', `${SA} s.5`, true, true),
  o('sexual', 'Assault of a child under 13 by penetration', `${SA} s.6`, true, true),
  o('sexual', 'Sexual assault of a child under 13', `${SA} s.7`, true, true, S3_U18_OFFENDER),
  o('sexual', 'Causing or inciting a child under 13 to engage in sexual activity', `${SA} s.8`, true, true),
  o('sexual', 'Sexual activity with a child', `${SA} s.9`, true, true, S3_ADULT_OFFENDER_ONLY),
  o('sexual', 'Causing or inciting a child to engage in sexual activity', `${SA} s.10`, true, true, S3_ADULT_OFFENDER_ONLY),
  o('sexual', 'Engaging in sexual activity in the presence of a child', `${SA} s.11`, true, true, S3_ADULT_OFFENDER_ONLY),
  o('sexual', 'Causing a child to watch a sexual act', `${SA} s.12`, true, true, S3_ADULT_OFFENDER_ONLY),
  o('sexual', 'Child sex offence committed by a person under 18', `${SA} s.13`, true, true, [
    'sentence_12_months',
    'Schedule 3 only if sentenced to at least 12 months imprisonment (detention)',
  ]),
  o('sexual', 'Arranging or facilitating the commission of a child sex offence', `${SA} s.14`, true, true, S3_U18_OFFENDER),
  o('sexual', 'Meeting a child following sexual grooming', `${SA} s.15`, true, true),
  o(
    'sexual',
    'Sexual communication with a child',
    `${SA} s.15A`,
    true,
    true,
    'Only a person aged 18 or over commits this offence, so the Schedule 3 condition (18 or over, or 12 months) always holds',
  ),
  o('sexual', 'Abuse of a position of trust: sexual activity with a child', `${SA} s.16`, true, true, S3_TRUST),
  o('sexual', 'Sexual activity with a child family member', `${SA} s.25`, true, true, S3_U18_OFFENDER),
  o('sexual', 'Inciting a child family member to engage in sexual activity', `${SA} s.26`, true, true, S3_U18_OFFENDER),
  o('sexual', 'Sexual activity with a person with a mental disorder impeding choice', `${SA} s.30`, true, true),
  o('sexual', 'Care worker: sexual activity with a person with a mental disorder', `${SA} s.38`, true, true, S3_SENTENCE),
  o('sexual', 'Paying for the sexual services of a child', `${SA} s.47`, true, true, [
    'child_under_16_and_adult_or_12_months',
    'Schedule 3 if the child was under 16 and the offender was 18 or over or was sentenced to at least 12 months imprisonment',
  ]),
  o('sexual', 'Causing or inciting the sexual exploitation of a child', `${SA} s.48`, true, true, S3_U18_OFFENDER),
  o('sexual', 'Administering a substance with intent', `${SA} s.61`, true, true),
  o('sexual', 'Trespass with intent to commit a sexual offence', `${SA} s.63`, true, true, [
    S3_VICTIM_OR_SENTENCE[0],
    'If the offender was under 18, Schedule 3 only if sentenced to at least 12 months imprisonment; otherwise only if the intended victim was under 18, or the offender was sentenced to imprisonment, detained in hospital or given a community sentence of at least 12 months',
  ]),
  o('sexual', 'Sex with an adult relative: penetration', `${SA} s.64`, true, true, [
    'custody_or_hospital',
    'If the offender was under 18, Schedule 3 only if sentenced to at least 12 months imprisonment; otherwise only if sentenced to imprisonment or detained in hospital',
  ]),
  o('sexual', 'Exposure', `${SA} s.66`, true, true, S3_VICTIM_OR_SENTENCE),
  o('sexual', 'Voyeurism', `${SA} s.67`, true, true, S3_VICTIM_OR_SENTENCE),
  o('sexual', 'Sexual activity in a public lavatory', `${SA} s.71`, true, false, S3_SENTENCE),
  o(
    'sexual',
    'Making indecent photographs or pseudo-photographs of children',
    'Protection of Children Act 1978 s.1(1)(a)',
    true,
    true,
    S3_IMAGES,
  ),
  o(
    'sexual',
    'Distributing indecent photographs or pseudo-photographs of children',
    'Protection of Children Act 1978 s.1(1)(b)',
    true,
    true,
    S3_IMAGES,
  ),
  o(
    'sexual',
    'Possession of indecent photographs or pseudo-photographs of children',
    'Criminal Justice Act 1988 s.160',
    true,
    true,
    S3_IMAGES,
  ),
  o('sexual', 'Possession of extreme pornographic images', 'Criminal Justice and Immigration Act 2008 s.63', true, false, [
    'extreme_pornography',
    'Schedule 3 only if the offender was 18 or over and sentenced to at least 2 years imprisonment',
  ]),
  o('sexual', 'Possession of a paedophile manual', 'Serious Crime Act 2015 s.69', true, false, S3_U18_OFFENDER),
  o('sexual', 'Indecent assault on a woman (historic offence)', 'Sexual Offences Act 1956 s.14', true, true, S3_OLDER_ACT),
  o('sexual', 'Indecent assault on a man (historic offence)', 'Sexual Offences Act 1956 s.15', true, true, S3_OLDER_ACT),
  o('sexual', 'Unlawful sexual intercourse with a girl under 16 (historic offence)', 'Sexual Offences Act 1956 s.6', true, true, [
    'offender_20_or_over',
    'Schedule 3 only if the offender was 20 or over',
  ]),
  o('sexual', 'Indecency with a child (historic offence)', 'Indecency with Children Act 1960 s.1', true, true),
  o(
    'sexual',
    'Causing or inciting prostitution for gain',
    `${SA} s.52`,
    false,
    true,
    'Not a notifiable offence: a sexual offender not subject to notification (Category 2 if the sentence qualifies)',
  ),
  o(
    'sexual',
    'Controlling prostitution for gain',
    `${SA} s.53`,
    false,
    true,
    'Not a notifiable offence: a sexual offender not subject to notification (Category 2 if the sentence qualifies)',
  ),
  o('sexual', 'Outraging public decency', 'Common law', false, false, 'Neither notifiable nor specified'),

  // --- violent ---
  o(
    'violent',
    'Murder',
    'Common law',
    false,
    false,
    'Not in Schedule 15, but murder qualifies for Category 2 in its own right (CJA 2003 s.327(3)(a))',
  ),
  o('violent', 'Attempted murder', 'Criminal Attempts Act 1981 s.1', false, true),
  o('violent', 'Manslaughter', 'Common law', false, true),
  o('violent', 'Soliciting murder', `${OAPA} s.4`, false, true),
  o('violent', 'Threats to kill', `${OAPA} s.16`, false, true),
  o('violent', 'Wounding or causing grievous bodily harm with intent', `${OAPA} s.18`, false, true),
  o('violent', 'Unlawful wounding or inflicting grievous bodily harm', `${OAPA} s.20`, false, true),
  o('violent', 'Assault occasioning actual bodily harm', `${OAPA} s.47`, false, true),
  o('violent', 'Kidnapping', 'Common law', false, true),
  o('violent', 'False imprisonment', 'Common law', false, true),
  o('violent', 'Robbery', 'Theft Act 1968 s.8', false, true),
  o('violent', 'Aggravated burglary', 'Theft Act 1968 s.10', false, true),
  o('violent', 'Arson with intent to endanger life or reckless as to whether life endangered', 'Criminal Damage Act 1971 s.1(2) and (3)', false, true),
  o('violent', 'Arson', 'Criminal Damage Act 1971 s.1(1) and (3)', false, true),
  o('violent', 'Possession of a firearm with intent to endanger life', 'Firearms Act 1968 s.16', false, true),
  o('violent', 'Affray', 'Public Order Act 1986 s.3', false, true),
  o('violent', 'Violent disorder', 'Public Order Act 1986 s.2', false, true),
  o('violent', 'Putting people in fear of violence', 'Protection from Harassment Act 1997 s.4', false, true),
  o(
    'violent',
    'Stalking involving fear of violence or serious alarm or distress',
    'Protection from Harassment Act 1997 s.4A',
    false,
    true,
  ),
  o(
    'violent',
    'Controlling or coercive behaviour in an intimate or family relationship',
    'Serious Crime Act 2015 s.76',
    false,
    false,
    'Not specified: perpetrators who pose a serious risk are managed under Category 3',
  ),
  o('violent', 'Cruelty to a person under 16', 'Children and Young Persons Act 1933 s.1', false, true),
  o(
    'violent',
    'Causing or allowing the death of a child or vulnerable adult',
    'Domestic Violence, Crime and Victims Act 2004 s.5',
    false,
    true,
  ),
  o('violent', 'Causing death by dangerous driving', 'Road Traffic Act 1988 s.1', false, true),
  o('violent', 'Child abduction by other persons', 'Child Abduction Act 1984 s.2', false, true),

  // --- terrorism ---
  o('terrorism', 'Preparation of terrorist acts', 'Terrorism Act 2006 s.5', false, true, null, true),
  o('terrorism', 'Encouragement of terrorism', 'Terrorism Act 2006 s.1', false, true, null, true),
  o('terrorism', 'Dissemination of terrorist publications', 'Terrorism Act 2006 s.2', false, true, null, true),
  o('terrorism', 'Training for terrorism', 'Terrorism Act 2006 s.6', false, true, null, true),
  o('terrorism', 'Attendance at a place used for terrorist training', 'Terrorism Act 2006 s.8', false, true, null, true),
  o('terrorism', 'Membership of a proscribed organisation', 'Terrorism Act 2000 s.11', false, true, null, true),
  o('terrorism', 'Inviting support for a proscribed organisation', 'Terrorism Act 2000 s.12', false, true, null, true),
  o('terrorism', 'Possession of an article for terrorist purposes', 'Terrorism Act 2000 s.57', false, true, null, true),
  o('terrorism', 'Collection of information useful for terrorism', 'Terrorism Act 2000 s.58', false, true, null, true),

  // --- other ---
  o('other', 'Burglary (dwelling)', 'Theft Act 1968 s.9', false, false),
  o('other', 'Theft', 'Theft Act 1968 s.1', false, false),
  o('other', 'Handling stolen goods', 'Theft Act 1968 s.22', false, false),
  o('other', 'Fraud by false representation', 'Fraud Act 2006 s.2', false, false),
  o('other', 'Supplying a controlled drug of Class A', 'Misuse of Drugs Act 1971 s.4(3)', false, false),
  o('other', 'Possession with intent to supply a controlled drug of Class A', 'Misuse of Drugs Act 1971 s.5(3)', false, false),
  o('other', 'Possession of a controlled drug of Class B', 'Misuse of Drugs Act 1971 s.5(2)', false, false),
  o('other', 'Criminal damage', 'Criminal Damage Act 1971 s.1(1)', false, false),
  o('other', 'Harassment', 'Protection from Harassment Act 1997 s.2', false, false),
  o('other', 'Stalking', 'Protection from Harassment Act 1997 s.2A', false, false),
  o('other', 'Breach of a restraining order', 'Protection from Harassment Act 1997 s.5(5)', false, false),
  o('other', 'Breach of a non-molestation order', 'Family Law Act 1996 s.42A', false, false),
  o('other', 'Common assault', 'Criminal Justice Act 1988 s.39', false, false),
  o('other', 'Assault of an emergency worker', 'Assaults on Emergency Workers (Offences) Act 2018 s.1', false, false),
  o('other', 'Having an article with a blade or point in a public place', 'Criminal Justice Act 1988 s.139', false, false),
  o('other', 'Possession of an offensive weapon in a public place', 'Prevention of Crime Act 1953 s.1', false, false),
  o(
    'other',
    'Sending a letter or communication with intent to cause distress or anxiety',
    'Malicious Communications Act 1988 s.1',
    false,
    false,
  ),
  o('other', 'Failure to comply with sex offender notification requirements', `${SA} s.91`, false, false),
  o('other', 'Breach of a sexual harm prevention order', 'Sentencing Act 2020 s.354', false, false),
  o('other', 'Driving while disqualified', 'Road Traffic Act 1988 s.103', false, false),
];

const court = (name, area, type) => ({ name, area, type });
const COURTS = [
  court('Bristol Crown Court', 'AVS', 'crown'),
  court('Taunton Crown Court', 'AVS', 'crown'),
  court("Bristol Magistrates' Court", 'AVS', 'magistrates'),
  court("North Somerset Magistrates' Court", 'AVS', 'magistrates'),
  court("Somerset Magistrates' Court", 'AVS', 'magistrates'),
  court('Luton Crown Court', 'BED', 'crown'),
  court('Cambridge Crown Court', 'CAM', 'crown'),
  court('Peterborough Crown Court', 'CAM', 'crown'),
  court('Chester Crown Court', 'CHE', 'crown'),
  court('Teesside Crown Court', 'CLE', 'crown'),
  court('Carlisle Crown Court', 'CUM', 'crown'),
  court('Derby Crown Court', 'DER', 'crown'),
  court('Exeter Crown Court', 'DEC', 'crown'),
  court('Plymouth Crown Court', 'DEC', 'crown'),
  court('Truro Crown Court', 'DEC', 'crown'),
  court('Bournemouth Crown Court', 'DOR', 'crown'),
  court('Durham Crown Court', 'DUR', 'crown'),
  court('Chelmsford Crown Court', 'ESS', 'crown'),
  court('Basildon Crown Court', 'ESS', 'crown'),
  court('Gloucester Crown Court', 'GLO', 'crown'),
  court("Cheltenham Magistrates' Court", 'GLO', 'magistrates'),
  court('Manchester Crown Court (Crown Square)', 'GMP', 'crown'),
  court('Manchester Crown Court (Minshull Street)', 'GMP', 'crown'),
  court('Bolton Crown Court', 'GMP', 'crown'),
  court("Manchester and Salford Magistrates' Court", 'GMP', 'magistrates'),
  court('Winchester Crown Court', 'HAM', 'crown'),
  court('Southampton Crown Court', 'HAM', 'crown'),
  court('Portsmouth Crown Court', 'HAM', 'crown'),
  court('St Albans Crown Court', 'HER', 'crown'),
  court('Hull Crown Court', 'HUM', 'crown'),
  court('Grimsby Crown Court', 'HUM', 'crown'),
  court('Canterbury Crown Court', 'KEN', 'crown'),
  court('Maidstone Crown Court', 'KEN', 'crown'),
  court('Preston Crown Court', 'LAN', 'crown'),
  court('Burnley Crown Court', 'LAN', 'crown'),
  court('Leicester Crown Court', 'LEI', 'crown'),
  court('Lincoln Crown Court', 'LIN', 'crown'),
  court('Central Criminal Court', 'LON', 'crown'),
  court('Southwark Crown Court', 'LON', 'crown'),
  court('Inner London Crown Court', 'LON', 'crown'),
  court('Snaresbrook Crown Court', 'LON', 'crown'),
  court('Wood Green Crown Court', 'LON', 'crown'),
  court('Isleworth Crown Court', 'LON', 'crown'),
  court('Woolwich Crown Court', 'LON', 'crown'),
  court('Croydon Crown Court', 'LON', 'crown'),
  court('Harrow Crown Court', 'LON', 'crown'),
  court('Kingston-upon-Thames Crown Court', 'LON', 'crown'),
  court("Westminster Magistrates' Court", 'LON', 'magistrates'),
  court("Highbury Corner Magistrates' Court", 'LON', 'magistrates'),
  court("Thames Magistrates' Court", 'LON', 'magistrates'),
  court("Wimbledon Magistrates' Court", 'LON', 'magistrates'),
  court('Liverpool Crown Court', 'MER', 'crown'),
  court("Liverpool and Knowsley Magistrates' Court", 'MER', 'magistrates'),
  court('Norwich Crown Court', 'NOR', 'crown'),
  court('York Crown Court', 'NYO', 'crown'),
  court('Northampton Crown Court', 'NTH', 'crown'),
  court('Newcastle Crown Court', 'NUM', 'crown'),
  court("Newcastle Magistrates' Court", 'NUM', 'magistrates'),
  court('Nottingham Crown Court', 'NOT', 'crown'),
  court("Nottingham Magistrates' Court", 'NOT', 'magistrates'),
  court('Sheffield Crown Court', 'SYO', 'crown'),
  court('Doncaster Crown Court', 'SYO', 'crown'),
  court("Sheffield Magistrates' Court", 'SYO', 'magistrates'),
  court('Stafford Crown Court', 'STA', 'crown'),
  court('Stoke-on-Trent Crown Court', 'STA', 'crown'),
  court('Ipswich Crown Court', 'SUF', 'crown'),
  court('Guildford Crown Court', 'SUR', 'crown'),
  court('Lewes Crown Court', 'SUS', 'crown'),
  court('Hove Crown Court', 'SUS', 'crown'),
  court('Chichester Crown Court', 'SUS', 'crown'),
  court('Reading Crown Court', 'TVP', 'crown'),
  court('Oxford Crown Court', 'TVP', 'crown'),
  court('Aylesbury Crown Court', 'TVP', 'crown'),
  court('Warwick Crown Court', 'WAR', 'crown'),
  court('Worcester Crown Court', 'WME', 'crown'),
  court('Hereford Crown Court', 'WME', 'crown'),
  court('Shrewsbury Crown Court', 'WME', 'crown'),
  court('Birmingham Crown Court', 'WMI', 'crown'),
  court('Wolverhampton Crown Court', 'WMI', 'crown'),
  court('Coventry Crown Court', 'WMI', 'crown'),
  court("Birmingham Magistrates' Court", 'WMI', 'magistrates'),
  court('Leeds Crown Court', 'WYO', 'crown'),
  court('Bradford Crown Court', 'WYO', 'crown'),
  court("Leeds Magistrates' Court", 'WYO', 'magistrates'),
  court('Swindon Crown Court', 'WIL', 'crown'),
  court('Salisbury Crown Court', 'WIL', 'crown'),
  court('Aberystwyth Justice Centre', 'DYP', 'magistrates'),
  court("Llanelli Magistrates' Court", 'DYP', 'magistrates'),
  court("Haverfordwest Magistrates' Court", 'DYP', 'magistrates'),
  court('Newport Crown Court', 'GWE', 'crown'),
  court("Newport Magistrates' Court", 'GWE', 'magistrates'),
  court('Mold Crown Court', 'NWA', 'crown'),
  court('Caernarfon Crown Court', 'NWA', 'crown'),
  court("Wrexham Magistrates' Court", 'NWA', 'magistrates'),
  court('Cardiff Crown Court', 'SWA', 'crown'),
  court('Swansea Crown Court', 'SWA', 'crown'),
  court('Merthyr Tydfil Crown Court', 'SWA', 'crown'),
  court("Cardiff Magistrates' Court", 'SWA', 'magistrates'),
];

// ---------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------
function write(file, data) {
  writeFileSync(join(here, file), JSON.stringify(data, null, 2) + '\n', 'utf8');
}

const meta = (description) => ({
  _about: `${description} Synthetic/reference data for Vigil; contains no real people. Generated by data-reference/build-reference.mjs.`,
});

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  write('agencies.json', { ...meta('Agencies per MAPPA area (keyed by area code).'), areas: buildAgencies() });
  write('names.json', {
    ...meta('Name pools with approximate relative frequency weights.'),
    maleForenames: MALE,
    femaleForenames: FEMALE,
    surnames: SURNAMES,
  });
  write('places.json', { ...meta('Towns, postcode districts and street names per MAPPA area.'), ...buildPlaces() });
  write('offences.json', {
    ...meta('Offences with SOA 2003 Sch.3 / CJA 2003 Sch.15 / terrorism flags, and courts per area.'),
    offences: OFFENCES,
    courts: COURTS,
  });
  console.log('wrote agencies.json, names.json, places.json, offences.json');
}
