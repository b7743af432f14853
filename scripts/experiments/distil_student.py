"""Exploratory: bi-GRU student distilled from the fine-tuned teacher. See README.md here.

python3 distil_student.py /tmp/fold4.npz --seeds 0,1,2 --alpha 0.3 --T 2 --out /tmp/kd.npz
"""
import re, time, argparse, numpy as np, pandas as pd, torch, torch.nn as nn, torch.nn.functional as F
from collections import Counter
ap=argparse.ArgumentParser(); ap.add_argument('teacher'); ap.add_argument('--seeds',default='0'); ap.add_argument('--alpha',type=float,default=0.5)
ap.add_argument('--T',type=float,default=2.0); ap.add_argument('--epochs',type=int,default=6); ap.add_argument('--naug',type=int,default=99)
ap.add_argument('--out',required=True); ap.add_argument('--threads',type=int,default=2); ap.add_argument('--hid',type=int,default=64); ap.add_argument('--emb',type=int,default=64)
a=ap.parse_args(); torch.set_num_threads(a.threads)
from pathlib import Path
df=pd.read_csv(Path(__file__).resolve().parents[3]/'shared/data/upr-info/upr-info-export-sessions01-15.csv'); df=df[df.Text.notna()].reset_index(drop=True)
y=df.Action.values-1
z=np.load(a.teacher); tr=z['tr']; TL=z['TL']; P_te=z['P']; te=np.where(~np.isnan(P_te[:,0]))[0]
aug_src=z['aug_src']; aug_txt=list(z['aug_txt']); AL=z['AL']
naug=min(len(aug_txt), a.naug*len(tr)); aug_txt=aug_txt[:naug]; AL=AL[:naug]
TOK=re.compile(r"[a-z]+|[0-9]+|[^\sa-z0-9]")
tk=lambda t:['<s>']+TOK.findall(t.replace('[MASK]',' \u2047 ').lower())
c=Counter(w for i in tr for w in tk(str(df.Text[i])))
vocab=[w for w,n in c.most_common() if n>=2]; ix={w:i+2 for i,w in enumerate(vocab)}; V=len(ix)+2
def enc(texts):
    X=np.zeros((len(texts),60),np.int64)
    for i,t in enumerate(texts):
        ids=[ix.get(w,1) for w in tk(t)[:60]]; X[i,:len(ids)]=ids
    return X
Xtr=enc([str(df.Text[i]) for i in tr]); Xaug=enc(aug_txt) if naug else np.zeros((0,60),np.int64); Xte=enc([str(df.Text[i]) for i in te])
X=torch.from_numpy(np.concatenate([Xtr,Xaug])); TLall=torch.from_numpy(np.concatenate([TL,AL]).astype(np.float32))
Y=torch.from_numpy(np.concatenate([y[tr],np.full(naug,-1)]))
class GRU(nn.Module):
    def __init__(s):
        super().__init__(); s.emb=nn.Embedding(V,a.emb,padding_idx=0); s.rnn=nn.GRU(a.emb,a.hid,batch_first=True,bidirectional=True)
        s.drop=nn.Dropout(0.3); s.fc=nn.Linear(4*a.hid,5)
    def forward(s,x):
        L=(x>0).sum(1).clamp(min=1)
        pk=nn.utils.rnn.pack_padded_sequence(s.emb(x),L,batch_first=True,enforce_sorted=False)
        o,h=s.rnn(pk); o,_=nn.utils.rnn.pad_packed_sequence(o,batch_first=True,padding_value=-1e4)
        mx=o.max(1).values; return s.fc(s.drop(torch.cat([h[0],h[1],mx],1)))
Ps=[]
for seed in [int(x) for x in a.seeds.split(',')]:
    torch.manual_seed(seed); rng=np.random.default_rng(seed); m=GRU(); opt=torch.optim.Adam(m.parameters(),lr=2e-3)
    n=len(X); nb=int(np.ceil(n/64)); sched=torch.optim.lr_scheduler.OneCycleLR(opt,max_lr=2e-3,total_steps=a.epochs*nb,pct_start=0.1)
    t0=time.time()
    for ep in range(a.epochs):
        m.train(); p=rng.permutation(n)
        for b in range(nb):
            bi=torch.from_numpy(p[b*64:(b+1)*64]); out=m(X[bi]); yb=Y[bi]; tl=TLall[bi]
            kl=F.kl_div(F.log_softmax(out/a.T,1),F.log_softmax(tl/a.T,1),log_target=True,reduction='none').sum(1)*a.T*a.T
            lab=yb>=0
            ce=F.cross_entropy(out[lab],yb[lab],reduction='sum') if lab.any() else 0*out.sum()
            loss=(a.alpha*ce+(1-a.alpha)*kl[lab].sum()+kl[~lab].sum())/len(bi)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    m.eval()
    with torch.no_grad(): P=torch.softmax(m(torch.from_numpy(Xte)),1).numpy()
    print('seed',seed,'train s',round(time.time()-t0),'acc',(P.argmax(1)==y[te]).mean(),flush=True); Ps.append(P)
Pf=np.full((len(df),5),np.nan); Pf[te]=np.mean(Ps,0); np.savez(a.out,P=Pf)
print('mean acc',(Pf[te].argmax(1)==y[te]).mean())
