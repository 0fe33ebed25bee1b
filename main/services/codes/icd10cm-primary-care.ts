/**
 * The ICD-10-CM codes a primary care clinic uses most, shipped so a new clinic
 * can chart on day one, before anyone imports the full CMS release. Every line
 * is code<TAB>title: the code without its dot, the official CMS long title
 * (checked against the CMS code file; codes that CMS has since split into more
 * specific codes are left out, as they are no longer valid on a claim).
 * Importing a CMS release later updates any title CMS has revised since.
 *
 * Kept as a TypeScript string rather than a .tsv file so the Electron bundle
 * carries it without a file to copy next to it. Bump CURATED_RELEASE when the
 * list changes: seeding inserts only the codes a clinic does not have yet.
 */
export const CURATED_RELEASE = 'curated-1';

export const PRIMARY_CARE_TSV = `A0472	Enterocolitis due to Clostridium difficile, not specified as recurrent
A084	Viral intestinal infection, unspecified
A09	Infectious gastroenteritis and colitis, unspecified
A46	Erysipelas
A4902	Methicillin resistant Staphylococcus aureus infection, unspecified site
A499	Bacterial infection, unspecified
B009	Herpesviral infection, unspecified
B019	Varicella without complication
B029	Zoster without complications
B070	Plantar wart
B078	Other viral warts
B079	Viral wart, unspecified
B081	Molluscum contagiosum
B083	Erythema infectiosum [fifth disease]
B084	Enteroviral vesicular stomatitis with exanthem
B181	Chronic viral hepatitis B without delta-agent
B182	Chronic viral hepatitis C
B20	Human immunodeficiency virus [HIV] disease
B2790	Infectious mononucleosis, unspecified without complication
B309	Viral conjunctivitis, unspecified
B349	Viral infection, unspecified
B351	Tinea unguium
B353	Tinea pedis
B354	Tinea corporis
B356	Tinea cruris
B360	Pityriasis versicolor
B370	Candidal stomatitis
B372	Candidiasis of skin and nail
B3731	Acute candidiasis of vulva and vagina
B379	Candidiasis, unspecified
B850	Pediculosis due to Pediculus humanus capitis
B86	Scabies
D126	Benign neoplasm of colon, unspecified
D170	Benign lipomatous neoplasm of skin and subcutaneous tissue of head, face and neck
D171	Benign lipomatous neoplasm of skin and subcutaneous tissue of trunk
D179	Benign lipomatous neoplasm, unspecified
D224	Melanocytic nevi of scalp and neck
D225	Melanocytic nevi of trunk
D229	Melanocytic nevi, unspecified
D239	Other benign neoplasm of skin, unspecified
D259	Leiomyoma of uterus, unspecified
D485	Neoplasm of uncertain behavior of skin
D509	Iron deficiency anemia, unspecified
D519	Vitamin B12 deficiency anemia, unspecified
D631	Anemia in chronic kidney disease
D649	Anemia, unspecified
D696	Thrombocytopenia, unspecified
D72829	Elevated white blood cell count, unspecified
E039	Hypothyroidism, unspecified
E041	Nontoxic single thyroid nodule
E0590	Thyrotoxicosis, unspecified without thyrotoxic crisis or storm
E063	Autoimmune thyroiditis
E1010	Type 1 diabetes mellitus with ketoacidosis without coma
E1022	Type 1 diabetes mellitus with diabetic chronic kidney disease
E10649	Type 1 diabetes mellitus with hypoglycemia without coma
E1065	Type 1 diabetes mellitus with hyperglycemia
E109	Type 1 diabetes mellitus without complications
E1121	Type 2 diabetes mellitus with diabetic nephropathy
E1122	Type 2 diabetes mellitus with diabetic chronic kidney disease
E11319	Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema
E1140	Type 2 diabetes mellitus with diabetic neuropathy, unspecified
E1142	Type 2 diabetes mellitus with diabetic polyneuropathy
E1151	Type 2 diabetes mellitus with diabetic peripheral angiopathy without gangrene
E11621	Type 2 diabetes mellitus with foot ulcer
E11622	Type 2 diabetes mellitus with other skin ulcer
E11649	Type 2 diabetes mellitus with hypoglycemia without coma
E1165	Type 2 diabetes mellitus with hyperglycemia
E1169	Type 2 diabetes mellitus with other specified complication
E118	Type 2 diabetes mellitus with unspecified complications
E119	Type 2 diabetes mellitus without complications
E162	Hypoglycemia, unspecified
E282	Polycystic ovarian syndrome
E559	Vitamin D deficiency, unspecified
E6601	Morbid (severe) obesity due to excess calories
E663	Overweight
E669	Obesity, unspecified
E7800	Pure hypercholesterolemia, unspecified
E781	Pure hyperglyceridemia
E782	Mixed hyperlipidemia
E785	Hyperlipidemia, unspecified
E790	Hyperuricemia without signs of inflammatory arthritis and tophaceous disease
E860	Dehydration
E871	Hypo-osmolality and hyponatremia
E875	Hyperkalemia
E876	Hypokalemia
F0390	Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety
F1010	Alcohol abuse, uncomplicated
F1020	Alcohol dependence, uncomplicated
F1090	Alcohol use, unspecified, uncomplicated
F1120	Opioid dependence, uncomplicated
F17200	Nicotine dependence, unspecified, uncomplicated
F17210	Nicotine dependence, cigarettes, uncomplicated
F17211	Nicotine dependence, cigarettes, in remission
F319	Bipolar disorder, unspecified
F320	Major depressive disorder, single episode, mild
F321	Major depressive disorder, single episode, moderate
F322	Major depressive disorder, single episode, severe without psychotic features
F329	Major depressive disorder, single episode, unspecified
F32A	Depression, unspecified
F330	Major depressive disorder, recurrent, mild
F331	Major depressive disorder, recurrent, moderate
F332	Major depressive disorder, recurrent severe without psychotic features
F339	Major depressive disorder, recurrent, unspecified
F341	Dysthymic disorder
F410	Panic disorder [episodic paroxysmal anxiety]
F411	Generalized anxiety disorder
F419	Anxiety disorder, unspecified
F4310	Post-traumatic stress disorder, unspecified
F4320	Adjustment disorder, unspecified
F4321	Adjustment disorder with depressed mood
F4322	Adjustment disorder with anxiety
F4323	Adjustment disorder with mixed anxiety and depressed mood
F5101	Primary insomnia
F840	Autistic disorder
F900	Attention-deficit hyperactivity disorder, predominantly inattentive type
F902	Attention-deficit hyperactivity disorder, combined type
F909	Attention-deficit hyperactivity disorder, unspecified type
F980	Enuresis not due to a substance or known physiological condition
G250	Essential tremor
G2581	Restless legs syndrome
G309	Alzheimer's disease, unspecified
G3184	Mild cognitive impairment of uncertain or unknown etiology
G4089	Other seizures
G40909	Epilepsy, unspecified, not intractable, without status epilepticus
G43009	Migraine without aura, not intractable, without status migrainosus
G43109	Migraine with aura, not intractable, without status migrainosus
G43909	Migraine, unspecified, not intractable, without status migrainosus
G44209	Tension-type headache, unspecified, not intractable
G459	Transient cerebral ischemic attack, unspecified
G4700	Insomnia, unspecified
G4709	Other insomnia
G4730	Sleep apnea, unspecified
G4733	Obstructive sleep apnea (adult) (pediatric)
G500	Trigeminal neuralgia
G510	Bell's palsy
G5601	Carpal tunnel syndrome, right upper limb
G5602	Carpal tunnel syndrome, left upper limb
G5603	Carpal tunnel syndrome, bilateral upper limbs
G629	Polyneuropathy, unspecified
G8929	Other chronic pain
G894	Chronic pain syndrome
H0019	Chalazion unspecified eye, unspecified eyelid
H01009	Unspecified blepharitis unspecified eye, unspecified eyelid
H10023	Other mucopurulent conjunctivitis, bilateral
H10029	Other mucopurulent conjunctivitis, unspecified eye
H1013	Acute atopic conjunctivitis, bilateral
H1030	Unspecified acute conjunctivitis, unspecified eye
H1033	Unspecified acute conjunctivitis, bilateral
H1045	Other chronic allergic conjunctivitis
H109	Unspecified conjunctivitis
H60331	Swimmer's ear, right ear
H60332	Swimmer's ear, left ear
H6090	Unspecified otitis externa, unspecified ear
H6091	Unspecified otitis externa, right ear
H6092	Unspecified otitis externa, left ear
H6121	Impacted cerumen, right ear
H6122	Impacted cerumen, left ear
H6123	Impacted cerumen, bilateral
H6503	Acute serous otitis media, bilateral
H6590	Unspecified nonsuppurative otitis media, unspecified ear
H66001	Acute suppurative otitis media without spontaneous rupture of ear drum, right ear
H66002	Acute suppurative otitis media without spontaneous rupture of ear drum, left ear
H66003	Acute suppurative otitis media without spontaneous rupture of ear drum, bilateral
H66009	Acute suppurative otitis media without spontaneous rupture of ear drum, unspecified ear
H6690	Otitis media, unspecified, unspecified ear
H6691	Otitis media, unspecified, right ear
H6692	Otitis media, unspecified, left ear
H6693	Otitis media, unspecified, bilateral
H6983	Other specified disorders of Eustachian tube, bilateral
H6990	Unspecified Eustachian tube disorder, unspecified ear
H8109	Meniere's disease, unspecified ear
H8110	Benign paroxysmal vertigo, unspecified ear
H8309	Labyrinthitis, unspecified ear
H903	Sensorineural hearing loss, bilateral
H9113	Presbycusis, bilateral
H9190	Unspecified hearing loss, unspecified ear
H9201	Otalgia, right ear
H9202	Otalgia, left ear
H9209	Otalgia, unspecified ear
H9313	Tinnitus, bilateral
H9319	Tinnitus, unspecified ear
I10	Essential (primary) hypertension
I110	Hypertensive heart disease with heart failure
I119	Hypertensive heart disease without heart failure
I129	Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease
I160	Hypertensive urgency
I209	Angina pectoris, unspecified
I2510	Atherosclerotic heart disease of native coronary artery without angina pectoris
I252	Old myocardial infarction
I259	Chronic ischemic heart disease, unspecified
I2699	Other pulmonary embolism without acute cor pulmonale
I340	Nonrheumatic mitral (valve) insufficiency
I341	Nonrheumatic mitral (valve) prolapse
I350	Nonrheumatic aortic (valve) stenosis
I429	Cardiomyopathy, unspecified
I440	Atrioventricular block, first degree
I480	Paroxysmal atrial fibrillation
I4819	Other persistent atrial fibrillation
I4820	Chronic atrial fibrillation, unspecified
I4821	Permanent atrial fibrillation
I4891	Unspecified atrial fibrillation
I493	Ventricular premature depolarization
I499	Cardiac arrhythmia, unspecified
I5022	Chronic systolic (congestive) heart failure
I5032	Chronic diastolic (congestive) heart failure
I509	Heart failure, unspecified
I639	Cerebral infarction, unspecified
I7140	Abdominal aortic aneurysm, without rupture, unspecified
I7300	Raynaud's syndrome without gangrene
I739	Peripheral vascular disease, unspecified
I82401	Acute embolism and thrombosis of unspecified deep veins of right lower extremity
I82402	Acute embolism and thrombosis of unspecified deep veins of left lower extremity
I82403	Acute embolism and thrombosis of unspecified deep veins of lower extremity, bilateral
I82409	Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity
I8390	Asymptomatic varicose veins of unspecified lower extremity
I8393	Asymptomatic varicose veins of bilateral lower extremities
I872	Venous insufficiency (chronic) (peripheral)
I890	Lymphedema, not elsewhere classified
I951	Orthostatic hypotension
I959	Hypotension, unspecified
J00	Acute nasopharyngitis [common cold]
J0100	Acute maxillary sinusitis, unspecified
J0190	Acute sinusitis, unspecified
J020	Streptococcal pharyngitis
J029	Acute pharyngitis, unspecified
J0300	Acute streptococcal tonsillitis, unspecified
J0390	Acute tonsillitis, unspecified
J040	Acute laryngitis
J050	Acute obstructive laryngitis [croup]
J069	Acute upper respiratory infection, unspecified
J101	Influenza due to other identified influenza virus with other respiratory manifestations
J111	Influenza due to unidentified influenza virus with other respiratory manifestations
J1282	Pneumonia due to coronavirus disease 2019
J129	Viral pneumonia, unspecified
J189	Pneumonia, unspecified organism
J209	Acute bronchitis, unspecified
J210	Acute bronchiolitis due to respiratory syncytial virus
J219	Acute bronchiolitis, unspecified
J300	Vasomotor rhinitis
J301	Allergic rhinitis due to pollen
J302	Other seasonal allergic rhinitis
J3081	Allergic rhinitis due to animal (cat) (dog) hair and dander
J3089	Other allergic rhinitis
J309	Allergic rhinitis, unspecified
J329	Chronic sinusitis, unspecified
J36	Peritonsillar abscess
J40	Bronchitis, not specified as acute or chronic
J439	Emphysema, unspecified
J440	Chronic obstructive pulmonary disease with (acute) lower respiratory infection
J441	Chronic obstructive pulmonary disease with (acute) exacerbation
J449	Chronic obstructive pulmonary disease, unspecified
J4520	Mild intermittent asthma, uncomplicated
J4521	Mild intermittent asthma with (acute) exacerbation
J4530	Mild persistent asthma, uncomplicated
J4531	Mild persistent asthma with (acute) exacerbation
J4540	Moderate persistent asthma, uncomplicated
J4541	Moderate persistent asthma with (acute) exacerbation
J4550	Severe persistent asthma, uncomplicated
J4551	Severe persistent asthma with (acute) exacerbation
J45901	Unspecified asthma with (acute) exacerbation
J45909	Unspecified asthma, uncomplicated
J45990	Exercise induced bronchospasm
J45991	Cough variant asthma
J9801	Acute bronchospasm
K120	Recurrent oral aphthae
K2100	Gastro-esophageal reflux disease with esophagitis, without bleeding
K219	Gastro-esophageal reflux disease without esophagitis
K2900	Acute gastritis without bleeding
K2970	Gastritis, unspecified, without bleeding
K30	Functional dyspepsia
K4090	Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent
K429	Umbilical hernia without obstruction or gangrene
K449	Diaphragmatic hernia without obstruction or gangrene
K529	Noninfective gastroenteritis and colitis, unspecified
K5730	Diverticulosis of large intestine without perforation or abscess without bleeding
K5732	Diverticulitis of large intestine without perforation or abscess without bleeding
K580	Irritable bowel syndrome with diarrhea
K581	Irritable bowel syndrome with constipation
K582	Mixed irritable bowel syndrome
K589	Irritable bowel syndrome without diarrhea
K5900	Constipation, unspecified
K5904	Chronic idiopathic constipation
K5909	Other constipation
K602	Anal fissure, unspecified
K625	Hemorrhage of anus and rectum
K649	Unspecified hemorrhoids
K8020	Calculus of gallbladder without cholecystitis without obstruction
K900	Celiac disease
L0100	Impetigo, unspecified
L0291	Cutaneous abscess, unspecified
L03113	Cellulitis of right upper limb
L03114	Cellulitis of left upper limb
L03115	Cellulitis of right lower limb
L03116	Cellulitis of left lower limb
L03211	Cellulitis of face
L0390	Cellulitis, unspecified
L209	Atopic dermatitis, unspecified
L211	Seborrheic infantile dermatitis
L219	Seborrheic dermatitis, unspecified
L22	Diaper dermatitis
L237	Allergic contact dermatitis due to plants, except food
L259	Unspecified contact dermatitis, unspecified cause
L299	Pruritus, unspecified
L309	Dermatitis, unspecified
L400	Psoriasis vulgaris
L409	Psoriasis, unspecified
L42	Pityriasis rosea
L500	Allergic urticaria
L509	Urticaria, unspecified
L570	Actinic keratosis
L700	Acne vulgaris
L709	Acne, unspecified
L719	Rosacea, unspecified
L720	Epidermal cyst
L821	Other seborrheic keratosis
L84	Corns and callosities
M109	Gout, unspecified
M1611	Unilateral primary osteoarthritis, right hip
M1612	Unilateral primary osteoarthritis, left hip
M170	Bilateral primary osteoarthritis of knee
M1711	Unilateral primary osteoarthritis, right knee
M1712	Unilateral primary osteoarthritis, left knee
M179	Osteoarthritis of knee, unspecified
M1990	Unspecified osteoarthritis, unspecified site
M2011	Hallux valgus (acquired), right foot
M2012	Hallux valgus (acquired), left foot
M2550	Pain in unspecified joint
M25511	Pain in right shoulder
M25512	Pain in left shoulder
M25551	Pain in right hip
M25552	Pain in left hip
M25561	Pain in right knee
M25562	Pain in left knee
M25571	Pain in right ankle and joints of right foot
M25572	Pain in left ankle and joints of left foot
M26609	Unspecified temporomandibular joint disorder, unspecified side
M47812	Spondylosis without myelopathy or radiculopathy, cervical region
M47816	Spondylosis without myelopathy or radiculopathy, lumbar region
M48061	Spinal stenosis, lumbar region without neurogenic claudication
M5116	Intervertebral disc disorders with radiculopathy, lumbar region
M5126	Other intervertebral disc displacement, lumbar region
M5412	Radiculopathy, cervical region
M5416	Radiculopathy, lumbar region
M542	Cervicalgia
M5430	Sciatica, unspecified side
M5431	Sciatica, right side
M5432	Sciatica, left side
M5441	Lumbago with sciatica, right side
M5442	Lumbago with sciatica, left side
M5450	Low back pain, unspecified
M5459	Other low back pain
M546	Pain in thoracic spine
M549	Dorsalgia, unspecified
M6281	Muscle weakness (generalized)
M62830	Muscle spasm of back
M7061	Trochanteric bursitis, right hip
M7062	Trochanteric bursitis, left hip
M722	Plantar fascial fibromatosis
M7501	Adhesive capsulitis of right shoulder
M7502	Adhesive capsulitis of left shoulder
M75101	Unspecified rotator cuff tear or rupture of right shoulder, not specified as traumatic
M75102	Unspecified rotator cuff tear or rupture of left shoulder, not specified as traumatic
M7541	Impingement syndrome of right shoulder
M7542	Impingement syndrome of left shoulder
M7711	Lateral epicondylitis, right elbow
M7712	Lateral epicondylitis, left elbow
M7910	Myalgia, unspecified site
M79604	Pain in right leg
M79605	Pain in left leg
M79671	Pain in right foot
M79672	Pain in left foot
M797	Fibromyalgia
M810	Age-related osteoporosis without current pathological fracture
N10	Acute pyelonephritis
N179	Acute kidney failure, unspecified
N182	Chronic kidney disease, stage 2 (mild)
N1830	Chronic kidney disease, stage 3 unspecified
N1831	Chronic kidney disease, stage 3a
N1832	Chronic kidney disease, stage 3b
N184	Chronic kidney disease, stage 4 (severe)
N189	Chronic kidney disease, unspecified
N200	Calculus of kidney
N3000	Acute cystitis without hematuria
N3001	Acute cystitis with hematuria
N3090	Cystitis, unspecified without hematuria
N3281	Overactive bladder
N390	Urinary tract infection, site not specified
N393	Stress incontinence (female) (male)
N3941	Urge incontinence
N3946	Mixed incontinence
N400	Benign prostatic hyperplasia without lower urinary tract symptoms
N401	Benign prostatic hyperplasia with lower urinary tract symptoms
N529	Male erectile dysfunction, unspecified
N630	Unspecified lump in unspecified breast
N644	Mastodynia
N760	Acute vaginitis
N912	Amenorrhea, unspecified
N920	Excessive and frequent menstruation with regular cycle
N926	Irregular menstruation, unspecified
N939	Abnormal uterine and vaginal bleeding, unspecified
N946	Dysmenorrhea, unspecified
N950	Postmenopausal bleeding
N951	Menopausal and female climacteric states
R000	Tachycardia, unspecified
R001	Bradycardia, unspecified
R002	Palpitations
R011	Cardiac murmur, unspecified
R030	Elevated blood-pressure reading, without diagnosis of hypertension
R040	Epistaxis
R051	Acute cough
R053	Chronic cough
R059	Cough, unspecified
R0600	Dyspnea, unspecified
R0602	Shortness of breath
R062	Wheezing
R070	Pain in throat
R0789	Other chest pain
R079	Chest pain, unspecified
R0981	Nasal congestion
R1010	Upper abdominal pain, unspecified
R1011	Right upper quadrant pain
R1013	Epigastric pain
R102	Pelvic and perineal pain
R1031	Right lower quadrant pain
R1084	Generalized abdominal pain
R109	Unspecified abdominal pain
R110	Nausea
R1110	Vomiting, unspecified
R112	Nausea with vomiting, unspecified
R1310	Dysphagia, unspecified
R197	Diarrhea, unspecified
R202	Paresthesia of skin
R21	Rash and other nonspecific skin eruption
R221	Localized swelling, mass and lump, neck
R251	Tremor, unspecified
R262	Difficulty in walking, not elsewhere classified
R2681	Unsteadiness on feet
R296	Repeated falls
R300	Dysuria
R319	Hematuria, unspecified
R32	Unspecified urinary incontinence
R350	Frequency of micturition
R351	Nocturia
R42	Dizziness and giddiness
R45851	Suicidal ideations
R509	Fever, unspecified
R519	Headache, unspecified
R531	Weakness
R5383	Other fatigue
R55	Syncope and collapse
R590	Localized enlarged lymph nodes
R600	Localized edema
R609	Edema, unspecified
R6251	Failure to thrive (child)
R634	Abnormal weight loss
R635	Abnormal weight gain
R7301	Impaired fasting glucose
R7303	Prediabetes
R7309	Other abnormal glucose
R739	Hyperglycemia, unspecified
R7401	Elevation of levels of liver transaminase levels
R809	Proteinuria, unspecified
R911	Solitary pulmonary nodule
R9431	Abnormal electrocardiogram [ECG] [EKG]
R9720	Elevated prostate specific antigen [PSA]
S134XXA	Sprain of ligaments of cervical spine, initial encounter
S161XXA	Strain of muscle, fascia and tendon at neck level, initial encounter
S39012A	Strain of muscle, fascia and tendon of lower back, initial encounter
S93401A	Sprain of unspecified ligament of right ankle, initial encounter
S93402A	Sprain of unspecified ligament of left ankle, initial encounter
T7840XA	Allergy, unspecified, initial encounter
U071	COVID-19
U099	Post COVID-19 condition, unspecified
Z0000	Encounter for general adult medical examination without abnormal findings
Z0001	Encounter for general adult medical examination with abnormal findings
Z00110	Health examination for newborn under 8 days old
Z00111	Health examination for newborn 8 to 28 days old
Z00121	Encounter for routine child health examination with abnormal findings
Z00129	Encounter for routine child health examination without abnormal findings
Z0100	Encounter for examination of eyes and vision without abnormal findings
Z01411	Encounter for gynecological examination (general) (routine) with abnormal findings
Z01419	Encounter for gynecological examination (general) (routine) without abnormal findings
Z01818	Encounter for other preprocedural examination
Z021	Encounter for pre-employment examination
Z025	Encounter for examination for participation in sport
Z09	Encounter for follow-up examination after completed treatment for conditions other than malignant neoplasm
Z113	Encounter for screening for infections with a predominantly sexual mode of transmission
Z114	Encounter for screening for human immunodeficiency virus [HIV]
Z1159	Encounter for screening for other viral diseases
Z1211	Encounter for screening for malignant neoplasm of colon
Z1231	Encounter for screening mammogram for malignant neoplasm of breast
Z124	Encounter for screening for malignant neoplasm of cervix
Z125	Encounter for screening for malignant neoplasm of prostate
Z131	Encounter for screening for diabetes mellitus
Z13220	Encounter for screening for lipoid disorders
Z1331	Encounter for screening for depression
Z20822	Contact with and (suspected) exposure to COVID-19
Z23	Encounter for immunization
Z30011	Encounter for initial prescription of contraceptive pills
Z3009	Encounter for other general counseling and advice on contraception
Z3041	Encounter for surveillance of contraceptive pills
Z3201	Encounter for pregnancy test, result positive
Z3202	Encounter for pregnancy test, result negative
Z4802	Encounter for removal of sutures
Z5181	Encounter for therapeutic drug level monitoring
Z681	Body mass index [BMI] 19.9 or less, adult
Z6825	Body mass index [BMI] 25.0-25.9, adult
Z6826	Body mass index [BMI] 26.0-26.9, adult
Z6827	Body mass index [BMI] 27.0-27.9, adult
Z6828	Body mass index [BMI] 28.0-28.9, adult
Z6829	Body mass index [BMI] 29.0-29.9, adult
Z6830	Body mass index [BMI] 30.0-30.9, adult
Z6831	Body mass index [BMI] 31.0-31.9, adult
Z6832	Body mass index [BMI] 32.0-32.9, adult
Z6833	Body mass index [BMI] 33.0-33.9, adult
Z6834	Body mass index [BMI] 34.0-34.9, adult
Z6835	Body mass index [BMI] 35.0-35.9, adult
Z6836	Body mass index [BMI] 36.0-36.9, adult
Z6837	Body mass index [BMI] 37.0-37.9, adult
Z6838	Body mass index [BMI] 38.0-38.9, adult
Z6839	Body mass index [BMI] 39.0-39.9, adult
Z6841	Body mass index [BMI] 40.0-44.9, adult
Z6842	Body mass index [BMI] 45.0-49.9, adult
Z6843	Body mass index [BMI] 50.0-59.9, adult
Z6844	Body mass index [BMI] 60.0-69.9, adult
Z6845	Body mass index [BMI] 70 or greater, adult
Z6851	Body mass index [BMI] pediatric, less than 5th percentile for age
Z6852	Body mass index [BMI] pediatric, 5th percentile to less than 85th percentile for age
Z6853	Body mass index [BMI] pediatric, 85th percentile to less than 95th percentile for age
Z713	Dietary counseling and surveillance
Z716	Tobacco abuse counseling
Z7182	Exercise counseling
Z720	Tobacco use
Z760	Encounter for issue of repeat prescription
Z7901	Long term (current) use of anticoagulants
Z7902	Long term (current) use of antithrombotics/antiplatelets
Z794	Long term (current) use of insulin
Z7952	Long term (current) use of systemic steroids
Z7982	Long term (current) use of aspirin
Z7984	Long term (current) use of oral hypoglycemic drugs
Z7985	Long-term (current) use of injectable non-insulin antidiabetic drugs
Z79899	Other long term (current) drug therapy
Z800	Family history of malignant neoplasm of digestive organs
Z803	Family history of malignant neoplasm of breast
Z8249	Family history of ischemic heart disease and other diseases of the circulatory system
Z833	Family history of diabetes mellitus
Z8673	Personal history of transient ischemic attack (TIA), and cerebral infarction without residual deficits
Z87891	Personal history of nicotine dependence
Z880	Allergy status to penicillin
Z9181	History of falling
`;
