"""Ensemble table: python ensemble.py LR.npz oof_cv12|loo_13_15 NN.npz [NN2.npz ...] (exploratory)."""
import sys, numpy as np
z=np.load(sys.argv.pop(1)); y=z['action']-1; s=z['session']  # z: the file lr_probas.py wrote
key=sys.argv[1]; files=sys.argv[2:]
L=z[key]; m=~np.isnan(L[:,0])
Ps=[np.load(f)['P'] for f in files]; P=np.mean(Ps,0)
ws=[0,.1,.2,.3,.4,.5,.6,1]
acc=lambda Q,idx:(Q[idx].argmax(1)==y[idx]).mean()
print('w   '+' '.join(f'{w:6}' for w in ws))
groups=[('pooled',m)]+[(f's{k}',m&(s==k)) for k in sorted(set(s[m]))] if key=='loo_13_15' else [('pooled',m)]
if key=='oof_cv12':
    for f in [[1,5,9],[2,6,10],[3,7,11],[4,8,12]]: groups.append((str(f),m&np.isin(s,f)))
for g,idx in groups:
    print(f'{g:12}',' '.join(f'{acc(w*P+(1-w)*L,idx):.4f}' for w in ws))
